// Shared reading and row checks of the CSV imports (DOMAIN.md §8): text decoding, the header, field
// counts and the field rules every format uses (whole numbers, tahun, bulan, desa and its scope,
// duplicate keys). Pure: the caller passes the bytes and a context with what the database knows.
import type { Actor } from "@/lib/auth/actor";
import { canView } from "@/lib/auth/scope";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { CsvLimitError, CsvSyntaxError, detectDelimiter, parseCsv, type CsvDelimiter } from "./csv";
import { WEB_LIMITS, type ImportLimits } from "./limits";

/** One problem of an import. line: as in the file (header = 1), null for the whole file. */
export interface ImportIssue {
  line: number | null;
  /** The contract's column name, null when the problem is the whole row or file. */
  column: string | null;
  message: string;
  /** The offending text as written in the file, when there is one. */
  value: string | null;
}

export interface DesaInfo {
  kode: string;
  puskesmasKode: string;
  kecamatanKode: string;
  kabupatenKode: string;
  provinsiKode: string;
}

/** What the validators need to know from the database, for the codes present in the file. */
export interface ImportContext {
  actor: Actor;
  desa: ReadonlyMap<string, DesaInfo>;
}

export interface TableRow<C extends string> {
  line: number;
  fields: Record<C, string>;
}

/** A file read against its header. fatal: a file-level problem; then rows is empty. */
export interface Table<C extends string> {
  rows: TableRow<C>[];
  errors: ImportIssue[];
  fatal: boolean;
  /** The field delimiter read off the header line (a comma when the file had none to read). */
  delimiter: CsvDelimiter;
}

export interface Validated<T> {
  rows: T[];
  errors: ImportIssue[];
}

export const MAX_INT = 2_147_483_647;
export const TAHUN_MIN = 2000;
export const TAHUN_MAX = 2100;

// C0 control characters other than tab, LF and CR never occur in a text CSV.
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function fileError(message: string, line: number | null = null, column: string | null = null): ImportIssue {
  return { line, column, message, value: null };
}

function fatal<C extends string>(...errors: ImportIssue[]): Table<C> {
  return { rows: [], errors, fatal: true, delimiter: "," };
}

/** Decodes UTF-8 (BOM accepted) strictly; binary content or invalid UTF-8 is one file error. */
export function decodeText(input: Uint8Array | string): { text: string } | { error: ImportIssue } {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      // A NUL-heavy file is more often binary than mis-encoded: say so when it is.
      return { error: fileError(input.includes(0) ? IMPORT_MSG.bukanTeks : IMPORT_MSG.bukanUtf8) };
    }
  }
  if (BINARY.test(text)) return { error: fileError(IMPORT_MSG.bukanTeks) };
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * Reads a CSV against the exact column set `columns` (any order; names compared trimmed and
 * case-insensitively). Rows whose fields are all empty (trailing ",,,," lines of spreadsheets) are skipped.
 * The delimiter (comma, semicolon or tab) is read off the header line; `limits` bound lines and rows.
 */
export function readTable<C extends string>(input: Uint8Array | string, columns: readonly C[], limits: ImportLimits = WEB_LIMITS): Table<C> {
  const decoded = decodeText(input);
  if ("error" in decoded) return fatal(decoded.error);
  if (decoded.text.trim() === "") return fatal(fileError(IMPORT_MSG.berkasKosong));
  const delimiter = detectDelimiter(decoded.text);
  let csv;
  try {
    csv = parseCsv(decoded.text, delimiter, { maxLineChars: limits.maxLineChars, maxRows: limits.maxRows });
  } catch (error) {
    if (error instanceof CsvSyntaxError) return fatal(fileError(IMPORT_MSG.csvRusak(error.message), error.line));
    if (error instanceof CsvLimitError) {
      return fatal(fileError(error.limit === "rows" ? IMPORT_MSG.terlaluBanyakBaris(error.max) : IMPORT_MSG.barisTerlaluPanjang(error.max), error.line));
    }
    throw error;
  }
  const [header, ...data] = csv;
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const errors: ImportIssue[] = [];
  const position = new Map<string, number>();
  names.forEach((name, i) => {
    if (position.has(name)) errors.push(fileError(IMPORT_MSG.kolomGanda(name), header.line, name));
    else position.set(name, i);
  });
  for (const c of columns) if (!position.has(c)) errors.push(fileError(IMPORT_MSG.kolomHilang(c, columns), header.line, c));
  for (const name of position.keys()) {
    if (!(columns as readonly string[]).includes(name)) errors.push(fileError(IMPORT_MSG.kolomTakDikenal(name, columns), header.line, name));
  }
  if (errors.length > 0) return fatal(...errors);

  const rows: TableRow<C>[] = [];
  for (const row of data) {
    if (row.fields.every((f) => f.trim() === "")) continue;
    if (row.fields.length !== names.length) {
      errors.push({ line: row.line, column: null, message: IMPORT_MSG.jumlahKolom(row.fields.length, names.length), value: row.fields.join(delimiter) });
      continue;
    }
    const fields = {} as Record<C, string>; // filled for every column just below
    for (const c of columns) fields[c] = row.fields[position.get(c)!];
    rows.push({ line: row.line, fields });
  }
  if (rows.length === 0 && errors.length === 0) return fatal(fileError(IMPORT_MSG.tanpaBarisData));
  return { rows, errors, fatal: false, delimiter };
}

/** The distinct trimmed values of one column (e.g. the desa codes to look up). */
export function distinctValues<C extends string>(table: Table<C>, column: C): string[] {
  return [...new Set(table.rows.map((r) => r.fields[column].trim()))];
}

/** A whole number 0..2^31-1; anything else adds an error and gives null. */
export function wholeNumber(raw: string, line: number, column: string, errors: ImportIssue[]): number | null {
  const s = raw.trim();
  const fail = (message: string) => {
    errors.push({ line, column, message, value: raw });
    return null;
  };
  if (s === "") return fail(IMPORT_MSG.kosong);
  if (/^-\d+$/.test(s)) return /^-0+$/.test(s) ? 0 : fail(IMPORT_MSG.negatif);
  if (!/^\d+$/.test(s)) return fail(IMPORT_MSG.bukanBilanganBulat);
  const n = Number(s);
  return n > MAX_INT ? fail(IMPORT_MSG.terlaluBesar) : n;
}

export function tahunOf(raw: string, line: number, errors: ImportIssue[], column = "tahun"): number | null {
  const n = wholeNumber(raw, line, column, errors);
  if (n === null) return null;
  if (n < TAHUN_MIN || n > TAHUN_MAX) {
    errors.push({ line, column, message: IMPORT_MSG.tahunDiLuarRentang, value: raw });
    return null;
  }
  return n;
}

export function bulanOf(raw: string, line: number, errors: ImportIssue[], column = "bulan"): number | null {
  const n = wholeNumber(raw, line, column, errors);
  if (n === null) return null;
  if (n < 1 || n > 12) {
    errors.push({ line, column, message: IMPORT_MSG.bulanDiLuarRentang, value: raw });
    return null;
  }
  return n;
}

/** The desa of a code if it is known and inside the actor's scope. */
export function desaOf(raw: string, line: number, ctx: ImportContext, errors: ImportIssue[], column = "kode_desa"): DesaInfo | null {
  const kode = raw.trim();
  if (kode === "") {
    errors.push({ line, column, message: IMPORT_MSG.kosong, value: raw });
    return null;
  }
  const desa = ctx.desa.get(kode);
  if (!desa) {
    errors.push({ line, column, message: IMPORT_MSG.desaTakDikenal, value: raw });
    return null;
  }
  if (!canView(ctx.actor, desa)) {
    errors.push({ line, column, message: IMPORT_MSG.desaDiLuarWilayah, value: raw });
    return null;
  }
  return desa;
}

/**
 * Every row of a table: `parse` turns its fields into a row (or null, its errors pushed), a second row with
 * the same key is refused naming the first line, `refused` adds the checks that need the whole row. Every
 * error is kept, in file order.
 */
export function validateTable<C extends string, R>(
  table: Table<C>,
  parse: (fields: Record<C, string>, line: number, errors: ImportIssue[]) => R | null,
  key: (row: R) => string,
  refused: (row: R, fields: Record<C, string>, line: number, errors: ImportIssue[]) => boolean = () => false,
): Validated<R> {
  const errors = [...table.errors];
  const rows: R[] = [];
  const keys = new DuplicateKeys();
  for (const { line, fields } of table.rows) {
    const row = parse(fields, line, errors);
    if (row === null || !keys.check(key(row), line, errors) || refused(row, fields, line, errors)) continue;
    rows.push(row);
  }
  return { rows, errors: sortIssues(errors) };
}

/** Remembers the first line of each key; a later row with the same key is an error. */
class DuplicateKeys {
  private readonly seen = new Map<string, number>();

  /** True when the key is new. */
  check(key: string, line: number, errors: ImportIssue[]): boolean {
    const first = this.seen.get(key);
    if (first !== undefined) {
      errors.push({ line, column: null, message: IMPORT_MSG.duplikat(first), value: key });
      return false;
    }
    this.seen.set(key, line);
    return true;
  }
}

/** File order: by line (file errors first), stable within a line. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Progress of a long import: phase label, steps done, steps in the phase. */
export type ImportProgress = (phase: string, done: number, total: number) => void;

export interface ImportOptions {
  onProgress?: ImportProgress;
  /** Compute the full result (counts, warnings) in a transaction that is rolled back: nothing is written. */
  pratinjau?: boolean;
  /** audit_log.sumber of the changes: 'import' (default) or the form that used the import. */
  sumber?: string;
  /** Bounds on reading the file: the web upload's (default) or the command line's. */
  limits?: ImportLimits;
}

export interface LaporanTidakLengkap {
  desaKode: string;
  tahun: number;
  bulan: number;
  /** Indicators with a value once the file is in. */
  terisi: number;
}

/** An import's answer: every error and nothing written, or the counts and the (non-blocking) warnings. */
export type ImportResult =
  | { ok: false; errors: ImportIssue[] }
  | {
      ok: true;
      rows: number;
      inserted: number;
      updated: number;
      unchanged: number;
      warnings: ImportIssue[];
      /** penduduk only: estimated sasaran rows added or changed. */
      estimasi?: number;
      /** values only: reports submitted with fewer indicators than the catalog has (the others count as 0). */
      tidakLengkap?: LaporanTidakLengkap[];
    };
