import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { WEB_LIMITS, type ImportLimits } from "./limits";

// An XLSX upload with the contract's columns is turned into CSV text, then imported by the same code as a
// CSV. The reading runs in a worker thread (lib/import/worker/, plain .mjs loaded from disk so that the
// production build, the tests and the CLI run the same file) with a capped heap and a time limit: a
// hostile file exhausts the worker, never the server, and comes back as a typed refusal.

/** Why an XLSX was refused; the detail names the limit, row and column where one applies. */
export interface XlsxRefusal {
  code: "inflated" | "entries" | "rows" | "columns" | "cell" | "corrupt" | "unsupported" | "memory" | "time" | "busy";
  max?: number;
  row?: number;
  column?: string;
  value?: string;
  /** columns: the extra cell is in the header row. */
  header?: boolean;
}

export type XlsxResult = { csv: string } | { refusal: XlsxRefusal };

/** Where the worker entry lives: the project root (cwd of `next start`, the CLI and the tests). */
function workerFile(): string {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "import", "worker", "xlsx-worker.mjs");
  if (!fs.existsSync(file)) throw new Error(`XLSX worker not found at ${file} (run from the project root)`);
  return file;
}

/** Workers reading at once (each may take its heap cap), and uploads allowed to wait for one. */
export const MAX_WORKERS = 2;
const MAX_WAITING = 8;
let running = 0;
const waiting: (() => void)[] = [];

/** Workers running now (for the tests). */
export function runningWorkers(): number {
  return running;
}

/**
 * The first worksheet's columns A.. (as many as `columns`) as CSV, or why the file was refused. At most
 * MAX_WORKERS read at once, so concurrent uploads cannot multiply the heap cap; beyond MAX_WAITING waiting
 * the file is refused as `busy`.
 */
export async function xlsxToCsv(bytes: Uint8Array, columns: readonly string[], limits: ImportLimits = WEB_LIMITS): Promise<XlsxResult> {
  if (running >= MAX_WORKERS) {
    if (waiting.length >= MAX_WAITING) return { refusal: { code: "busy" } };
    await new Promise<void>((resolve) => waiting.push(resolve)); // woken with a finished reader's slot
  } else running++;
  try {
    return await runWorker(bytes, columns, limits);
  } finally {
    const next = waiting.shift();
    if (next) next(); // the slot passes on: `running` stays
    else running--;
  }
}

function runWorker(bytes: Uint8Array, columns: readonly string[], limits: ImportLimits): Promise<XlsxResult> {
  // Its own ArrayBuffer (a Buffer may be a view into a shared pool), handed over without a second copy.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const worker = new Worker(workerFile(), {
    workerData: { bytes: copy.buffer, width: columns.length, limits },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    stdout: true, // nothing of the worker reaches the server's log unasked
    stderr: true,
  });
  return new Promise<XlsxResult>((resolve) => {
    let settled = false;
    const settle = (r: XlsxResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => settle({ refusal: { code: "time", max: limits.maxSeconds } }), limits.maxSeconds * 1000);
    worker.on("message", (m: { ok: true; csv: string } | { ok: false; code: XlsxRefusal["code"]; detail: Omit<XlsxRefusal, "code"> }) => {
      settle(m.ok ? { csv: m.csv } : { refusal: { code: m.code, ...m.detail } });
    });
    worker.on("error", (error: NodeJS.ErrnoException) => {
      // ERR_WORKER_OUT_OF_MEMORY: the heap cap was reached; anything else is a file the reader choked on.
      settle({ refusal: { code: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "corrupt", max: limits.workerHeapMb } });
    });
    worker.on("exit", () => settle({ refusal: { code: "corrupt" } }));
  });
}

export function isXlsx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The Indonesian message of a refusal (`columns`: the contract's header, named in the message). */
export function refusalMessage(r: XlsxRefusal, columns: readonly string[]): string {
  const M = IMPORT_MSG.xlsx;
  switch (r.code) {
    case "inflated":
      return M.terlaluBesarTerbuka(Math.round((r.max ?? 0) / (1024 * 1024)));
    case "entries":
      return M.terlaluBanyakBagian(r.max ?? 0);
    case "rows":
      return IMPORT_MSG.terlaluBanyakBaris(r.max ?? 0);
    case "columns":
      return M.kolomTambahan(r.column ?? "?", r.row ?? 0, r.value ?? "", columns);
    case "cell":
      return M.selTerlaluPanjang(r.column ?? "?", r.max ?? 0);
    case "unsupported":
      return M.tidakDidukung;
    case "memory":
      return M.memori;
    case "time":
      return M.waktu(r.max ?? 0);
    case "busy":
      return M.sibuk;
    case "corrupt":
      return M.rusak;
  }
}

/**
 * An import file as the CSV readers take it: a CSV as its bytes, an XLSX as the CSV text of its first
 * sheet (read in the worker), or the message of why the XLSX was refused. The caller checked the size.
 */
export async function importInput(bytes: Uint8Array, columns: readonly string[], limits: ImportLimits = WEB_LIMITS): Promise<{ input: Uint8Array | string } | { error: string }> {
  if (!isXlsx(bytes)) return { input: bytes };
  const r = await xlsxToCsv(bytes, columns, limits);
  return "csv" in r ? { input: r.csv } : { error: refusalMessage(r.refusal, columns) };
}
