import "server-only";
import type pg from "pg";
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

/** Creates the temporary table `name` (dropped at commit) and fills it with COPY, reporting progress. */
export async function stage(
  client: pg.ClientBase,
  name: string,
  columns: string,
  rows: readonly (readonly (string | number | boolean | null)[])[],
  progress: NonNullable<ImportOptions["onProgress"]> = () => {},
): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS pg_temp.${name}`);
  await client.query(`CREATE TEMP TABLE ${name} (${columns}) ON COMMIT DROP`);
  const names = columns.split(",").map((c) => c.trim().split(/\s+/)[0]);
  const step = 10_000;
  function* reported() {
    for (let i = 0; i < rows.length; i++) {
      if (i % step === 0) progress(F.memuat, i, rows.length);
      yield rows[i];
    }
    progress(F.memuat, rows.length, rows.length);
  }
  await copyRows(client, name, names, reported());
  await client.query(`ANALYZE ${name}`);
}
