import fs from "node:fs";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { importPenduduk } from "@/lib/data/import-penduduk";
import { importSasaran } from "@/lib/data/import-sasaran";
import { importValues } from "@/lib/data/import-values";
import { closePool } from "@/lib/db/pool";
import { IMPORT_CLI } from "@/lib/i18n/import";
import type { ImportIssue, ImportOptions, ImportResult } from "@/lib/import/rows";
import { openDatabase } from "../lib/database";
import type { Command } from "./commands";

// `import-values FILE`, `import-sasaran FILE`, `import-penduduk FILE`: the library imports of lib/data, run
// as the CLI actor. Exit codes: 0 imported, 1 rejected (every error printed, nothing written), 2 bad usage/file.

type Kind = "values" | "sasaran" | "penduduk";
type Importer = (actor: Actor, input: Uint8Array, options: ImportOptions) => Promise<ImportResult>;

const MAX_PRINTED = 200;

function readInput(file: string): Buffer | string {
  try {
    if (!fs.statSync(file).isFile()) return IMPORT_CLI.bukanBerkas(file);
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code; // fs errors carry an errno code
    return code === "ENOENT" ? IMPORT_CLI.berkasTidakAda(file) : IMPORT_CLI.tidakTerbaca(file);
  }
}

/** Phase and percentage on stderr: one line rewritten in place on a terminal, a line per phase otherwise. */
function progressPrinter(stream: NodeJS.WriteStream) {
  let last = "";
  let phase = "";
  return {
    update(p: string, done: number, total: number) {
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      const text = `${p}… ${pct}%`;
      if (stream.isTTY) {
        if (text !== last) stream.write(`\r\x1b[K${text}`);
      } else if (p !== phase) stream.write(`${p}…\n`);
      last = text;
      phase = p;
    },
    end() {
      if (stream.isTTY && last) stream.write("\r\x1b[K");
      last = "";
    },
  };
}

function printIssues(issues: readonly ImportIssue[], print: (line: string) => void): void {
  for (const e of issues.slice(0, MAX_PRINTED)) print(IMPORT_CLI.barisError(e.line, e.column, e.message, e.value));
  if (issues.length > MAX_PRINTED) print(IMPORT_CLI.sisa(issues.length - MAX_PRINTED));
}

function importCommand(kind: Kind, command: string, importer: Importer): Command {
  return {
    summary: IMPORT_CLI.summary[kind],
    help: IMPORT_CLI.help[kind],
    async run(args) {
      if (args.length !== 1 || args[0].startsWith("-")) {
        console.error(IMPORT_CLI.pemakaian(command));
        return 2;
      }
      const input = readInput(args[0]);
      if (typeof input === "string") {
        console.error(input);
        return 2;
      }
      const started = Date.now();
      const server = await openDatabase();
      // lib/data resolves its database through pool(): point it at the server opened here.
      process.env.DATABASE_URL = server.url;
      const progress = progressPrinter(process.stderr);
      try {
        const result = await importer(CLI_ACTOR, input, { onProgress: progress.update });
        progress.end();
        if (!result.ok) {
          console.error(IMPORT_CLI.ditolak(result.errors.length));
          printIssues(result.errors, (line) => console.error(line));
          return 1;
        }
        const detik = ((Date.now() - started) / 1000).toFixed(1);
        console.log(IMPORT_CLI.selesai(IMPORT_CLI.judul[kind], detik, result));
        if (result.estimasi !== undefined) console.log(IMPORT_CLI.estimasi(result.estimasi));
        if (result.warnings.length > 0) {
          console.log(IMPORT_CLI.peringatan(result.warnings.length));
          printIssues(result.warnings, (line) => console.log(line));
        }
        return 0;
      } finally {
        progress.end();
        await closePool();
        await server.stop();
      }
    },
  };
}

export const importValuesCommand = importCommand("values", "import-values", importValues);
export const importSasaranCommand = importCommand("sasaran", "import-sasaran", importSasaran);
export const importPendudukCommand = importCommand("penduduk", "import-penduduk", importPenduduk);
