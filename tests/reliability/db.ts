// The suite's own view of the server's database (the embedded PostgreSQL of the data folder the server runs
// on, or DATABASE_URL): a checksum of the data tables, and the few look-ups the calls need.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Fixture } from "./fixtures";
import type { CallContext } from "./matrix";

/** Every table that holds entered or derived data (the wilayah tree and the catalog do not change). */
export const DATA_TABLES = ["laporan", "nilai", "sasaran", "penduduk", "parameter_estimasi", "posyandu", "pustu", "audit_log", "app_user", "api_token"] as const;

export function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dir = process.env.RELIABILITY_DATA_DIR ?? process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("RELIABILITY_DATA_DIR (or E2E_DATA_DIR) is not set");
  const lines = fs.readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n");
  return `postgresql://postgres:pantau@127.0.0.1:${Number(lines[3])}/pantau`;
}

let client: pg.Client | null = null;

export async function db(): Promise<pg.Client> {
  if (!client) {
    client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
  }
  return client;
}

export async function closeDb(): Promise<void> {
  await client?.end();
  client = null;
}

/** Row count and an order-independent sum of the rows' md5 per data table: equal means unchanged. */
export async function checksum(): Promise<Record<string, string>> {
  const c = await db();
  const parts = DATA_TABLES.map(
    (t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(sum(('x' || substr(md5(r::text), 1, 15))::bit(60)::bigint)::text, '0') AS s FROM ${t} r`,
  );
  const { rows } = await c.query<{ t: string; s: string }>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t, r.s]));
}

/** A cheap fingerprint of the same tables: row count and the newest row version (xmin) per table. Any
 *  insert or update writes a newer xmin, a delete lowers the count: unchanged fingerprint, unchanged data.
 *  Used around single calls; checksum() (the rows' content) around whole runs. */
export async function fingerprint(): Promise<Record<string, string>> {
  const c = await db();
  const parts = DATA_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS s FROM ${t}`);
  const { rows } = await c.query<{ t: string; s: string }>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t, r.s]));
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((t) => before[t] !== after[t]);
}

export const callContext: CallContext = {
  async laporan(f: Fixture, where) {
    const c = await db();
    const { rows } = await c.query<{ id: string; versi: number }>(
      `SELECT id, versi FROM laporan WHERE puskesmas_kode = $1 AND ($2::text IS NULL OR status::text = $2)
         AND ($3::int IS NULL OR (tahun = $3 AND bulan = $4 AND desa_kode = $5))
       ORDER BY tahun, bulan, desa_kode LIMIT 1`,
      [f.puskesmas.kode, where.status ?? null, where.tahun ?? null, where.bulan ?? null, f.desa.kode],
    );
    return rows[0] ?? null;
  },
};

/** A submitted report in a place that has no demo values, so every fixture has one to act on. */
export async function ensureSubmittedReport(f: Fixture, tahun: number, bulan: number): Promise<void> {
  const c = await db();
  await c.query(
    `INSERT INTO laporan (id, desa_kode, tahun, bulan, status, versi, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, dikirim_at, terlambat, updated_at, updated_by)
     SELECT gen_random_uuid(), kode, $2, $3, 'DIKIRIM', 1, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, now(), false, now(), 'uji@pantau.local'
     FROM desa WHERE kode = $1 ON CONFLICT (desa_kode, tahun, bulan) DO NOTHING`,
    [f.desa.kode, tahun, bulan],
  );
}
