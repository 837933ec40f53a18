import { backupCommand, restoreCommand } from "./backup";
import { importBatasCommand } from "./import-batas";
import { importPendudukCommand, importSasaranCommand, importValuesCommand } from "./import";
import { init } from "./init";
import { spmReportCommand } from "./spm-report";

export interface Command {
  summary: string;
  help: string;
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = { init, "import-values": importValuesCommand, "import-sasaran": importSasaranCommand, "import-penduduk": importPendudukCommand, "import-batas": importBatasCommand, "spm-report": spmReportCommand, backup: backupCommand, restore: restoreCommand };

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`);
  return `Penggunaan: npm run cli -- <perintah> [opsi]\n\nPerintah:\n${lines.join("\n")}\n\n` +
    `Setiap perintah menerima --help. Basis data: DATABASE_URL bila diisi, selain itu PostgreSQL tertanam di PANTAU_DATA_DIR (bawaan .pantau/).`;
}
