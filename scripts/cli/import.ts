import fs from "node:fs";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/permissions";
import { importPenduduk } from "@/lib/data/import-penduduk";
import { importSasaran } from "@/lib/data/import-sasaran";
import { importValues } from "@/lib/data/import-values";
import { closePool } from "@/lib/db/pool";
import { IMPORT_CLI } from "@/lib/i18n/import";
import { CLI_LIMITS } from "@/lib/import/limits";
import { PENDUDUK_COLUMNS } from "@/lib/import/penduduk";
import type { ImportIssue, ImportOptions, ImportResult } from "@/lib/import/rows";
import { SASARAN_COLUMNS } from "@/lib/import/sasaran";
import { VALUES_COLUMNS } from "@/lib/import/values";
import { importInput } from "@/lib/import/xlsx";
import { openDatabase } from "../lib/database";
import type { Command } from "./commands";

// `import-values FILE`, `import-sasaran FILE`, `import-penduduk FILE`: the library imports of lib/data, run
// as the CLI actor. Exit codes: 0 imported, 1 rejected (every error printed, nothing written), 2 bad usage/file.
// The file is read within CLI_LIMITS (lib/import/limits.ts): its size before it is read, an XLSX in the
// bounded worker the web upload uses, CSV lines and rows by the readers.

type Kind = "values" | "sasaran" | "penduduk";
type Importer = (actor: Actor, input: Uint8Array | string, options: ImportOptions) => Promise<ImportResult>;

const COLUMNS: Record<Kind, readonly string[]> = { values: VALUES_COLUMNS, sasaran: SASARAN_COLUMNS, penduduk: PENDUDUK_COLUMNS };

const MAX_PRINTED = 200;

function readInput(file: string): Buffer | string {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return IMPORT_CLI.bukanBerkas(file);
    if (stat.size > CLI_LIMITS.maxBytes) return IMPORT_CLI.terlaluBesar(file, CLI_LIMITS.maxBytes);
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
      requirePermission(CLI_ACTOR, "import.jalankan");
      const bytes = readInput(args[0]);
      if (typeof bytes === "string") {
        console.error(bytes);
        return 2;
      }
      const read = await importInput(bytes, COLUMNS[kind], CLI_LIMITS);
      if ("error" in read) {
        console.error(`${args[0]}: ${read.error}`);
        return 2;
      }
      const input = read.input;
      const started = Date.now();
      const server = await openDatabase({ command: true });
      // lib/data resolves its database through pool(): point it at the server opened here.
      process.env.DATABASE_URL = server.url;
      const progress = progressPrinter(process.stderr);
      try {
        const result = await importer(CLI_ACTOR, input, { onProgress: progress.update, limits: CLI_LIMITS });
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
