import "server-only";
import type pg from "pg";
import type { Statement } from "@/lib/db/batch";
import { copyRows } from "@/lib/db/copy";
import { IMPORT_MSG } from "@/lib/i18n/import";
import type { DesaInfo, ImportOptions } from "@/lib/import/rows";

// Staging of rows in temporary tables (COPY) and the desa look-up, shared by the imports and the one
// write path of monthly values (./tulis-laporan).

const F = IMPORT_MSG.fase;


/** The desa among `codes` that exist, with their place in the tree (one query). */
export async function loadDesa(client: pg.ClientBase, codes: readonly string[]): Promise<Map<string, DesaInfo>> {
  const { rows } = await client.query<{ kode: string; puskesmas_kode: string; kecamatan_kode: string; kabupaten_kode: string; provinsi_kode: string }>(
    `SELECT kode, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode FROM desa WHERE kode = ANY($1)`,
    [codes],
  );
  return new Map(
    rows.map((r) => [r.kode, { kode: r.kode, puskesmasKode: r.puskesmas_kode, kecamatanKode: r.kecamatan_kode, kabupatenKode: r.kabupaten_kode, provinsiKode: r.provinsi_kode }]),
  );
}

/** Rows up to which a fill is one INSERT of a JSON parameter instead of COPY (a form's report: ~30 rows). */
const SMALL_ROWS = 1000;

export type Row = readonly (string | number | boolean | null)[];

/**
 * Creates the temporary table `name` (dropped at commit), fills it and analyses it, reporting progress.
 */
export async function stage(client: pg.ClientBase, name: string, columns: string, rows: readonly Row[], progress: NonNullable<ImportOptions["onProgress"]> = () => {}): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS pg_temp.${name}; CREATE TEMP TABLE ${name} (${columns}) ON COMMIT DROP`);
  await fill(client, name, columnNames(columns), rows, progress);
  await client.query(`ANALYZE ${name}`);
}

/**
 * The temporary tables of a writer that runs on every save (`tables`: name → columns), kept by the
 * connection and emptied at each commit (ON COMMIT DELETE ROWS) instead of created and dropped with each
 * transaction: creating a table writes PostgreSQL's catalogs, the largest share of a one-report save's
 * database time. The statements also empty them for a second write in the same transaction.
 */
export function tempTableStatements(tables: Record<string, string>): Statement[] {
  return Object.entries(tables).flatMap(([name, columns]): Statement[] => [
    [`CREATE TEMP TABLE IF NOT EXISTS ${name} (${columns}) ON COMMIT DELETE ROWS`],
    [`DELETE FROM pg_temp.${name}`],
  ]);
}

export function columnNames(columns: string): string[] {
  return columns.split(",").map((c) => c.trim().split(/\s+/)[0]);
}

/** Whether `rows` are few enough to fill with one INSERT (fillStatement) rather than COPY. */
export function fewRows(rows: readonly Row[]): boolean {
  return rows.length <= SMALL_ROWS;
}

/** The one INSERT of a small set of rows (fewRows) into table `name`, as JSON; null when there are none. */
export function fillStatement(name: string, names: readonly string[], rows: readonly Row[]): Statement | null {
  if (rows.length === 0) return null;
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]]))));
  return [`INSERT INTO ${name} (${names.join(", ")}) SELECT ${names.join(", ")} FROM json_populate_recordset(NULL::${name}, $1::json)`, [json]];
}

/**
 * Fills the temporary table `name` with `rows` (in the order of `names`). Each statement is a round trip
 * that costs the web server's CPU as much as PostgreSQL's: a small set is one INSERT of the rows as JSON;
 * a large one (an import) is loaded with COPY.
 */
export async function fill(client: pg.ClientBase, name: string, names: readonly string[], rows: readonly Row[], progress: NonNullable<ImportOptions["onProgress"]> = () => {}): Promise<void> {
  if (fewRows(rows)) {
    const insert = fillStatement(name, names, rows);
    if (insert) await client.query(insert[0], insert[1] as unknown[]);
    progress(F.memuat, rows.length, rows.length);
    return;
  }
  const step = 10_000;
  function* reported() {
    for (let i = 0; i < rows.length; i++) {
      if (i % step === 0) progress(F.memuat, i, rows.length);
      yield rows[i];
    }
    progress(F.memuat, rows.length, rows.length);
  }
  await copyRows(client, name, names, reported());
}
