import "server-only";
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { readSasaran, validateSasaran, type SasaranColumn, type SasaranRow } from "@/lib/import/sasaran";
import { stagedImport } from "./import-run";

// Import of official sasaran (DOMAIN.md §5, §8): saved with sumber DITETAPKAN, which always wins over an
// estimate. Only rows whose jumlah or sumber differ are written and audited.

export const importSasaran = stagedImport<SasaranColumn, SasaranRow>({
  read: readSasaran,
  validate: validateSasaran,
  staging: { table: "imp_sasaran", columns: "desa_kode text, tahun int, indikator_kode text, jumlah int", row: (r) => [r.desa.kode, r.tahun, r.indikator, r.jumlah] },
  write: applySasaran,
});

async function applySasaran(client: pg.ClientBase, actor: Actor, sumber: string): Promise<{ inserted: number; updated: number }> {
  const at = new Date().toISOString();
  await client.query(`DROP TABLE IF EXISTS pg_temp.imp_sasaran_beda`);
  await client.query(
    `CREATE TEMP TABLE imp_sasaran_beda ON COMMIT DROP AS
     SELECT s.desa_kode, s.tahun, s.indikator_kode, s.jumlah, x.jumlah AS lama_jumlah, x.sumber::text AS lama_sumber
     FROM imp_sasaran s LEFT JOIN sasaran x USING (desa_kode, indikator_kode, tahun)
     WHERE x.jumlah IS DISTINCT FROM s.jumlah OR x.sumber IS DISTINCT FROM 'DITETAPKAN'`,
  );
  const count = await client.query<{ inserted: number; updated: number }>(
    `SELECT count(*) FILTER (WHERE lama_jumlah IS NULL)::int AS inserted, count(*) FILTER (WHERE lama_jumlah IS NOT NULL)::int AS updated
     FROM imp_sasaran_beda`,
  );
  await client.query(
    `INSERT INTO sasaran (desa_kode, indikator_kode, tahun, jumlah, sumber, puskesmas_kode, kecamatan_kode, kabupaten_kode,
       provinsi_kode, updated_at, updated_by)
     SELECT d.kode, b.indikator_kode, b.tahun, b.jumlah, 'DITETAPKAN', d.puskesmas_kode, d.kecamatan_kode, d.kabupaten_kode,
       d.provinsi_kode, $1::timestamp, $2
     FROM imp_sasaran_beda b JOIN desa d ON d.kode = b.desa_kode
     ON CONFLICT (desa_kode, indikator_kode, tahun) DO UPDATE SET jumlah = EXCLUDED.jumlah, sumber = 'DITETAPKAN',
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [at, actor.email],
  );
  await client.query(
    `INSERT INTO audit_log (at, user_id, user_email, aksi, entitas, kunci, lama, baru, sumber)
     SELECT $1::timestamp, $2, $3, CASE WHEN lama_jumlah IS NULL THEN 'tambah' ELSE 'ubah' END, 'sasaran',
       desa_kode || '/' || tahun || '/' || indikator_kode,
       CASE WHEN lama_jumlah IS NULL THEN NULL ELSE jsonb_build_object('jumlah', lama_jumlah, 'sumber', lama_sumber) END,
       jsonb_build_object('jumlah', jumlah, 'sumber', 'DITETAPKAN'), $4
     FROM imp_sasaran_beda ORDER BY desa_kode, tahun, indikator_kode`,
    [at, actor.id, actor.email, sumber],
  );
  return count.rows[0];
}
