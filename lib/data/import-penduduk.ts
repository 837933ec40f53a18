import "server-only";
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { readPenduduk, validatePenduduk, type PendudukColumn, type PendudukRow } from "@/lib/import/penduduk";
import { stagedImport } from "./import-run";
import { reestimateSasaran } from "./sasaran-estimasi";

// Import of population by age group (DOMAIN.md §5, §8): only differing counts are written and audited,
// then the ESTIMASI sasaran of every (desa, tahun) in the file is recomputed in the same transaction
// (DITETAPKAN figures untouched; unchanged estimates not rewritten, so a re-import changes nothing).

const F = IMPORT_MSG.fase;
export const importPenduduk = stagedImport<PendudukColumn, PendudukRow>({
  read: readPenduduk,
  validate: validatePenduduk,
  staging: { table: "imp_penduduk", columns: "desa_kode text, tahun int, kelompok text, jumlah int", row: (r) => [r.desa.kode, r.tahun, r.kelompok, r.jumlah] },
  write: applyPenduduk,
  after: async (client, actor, rows, sumber, progress) => {
    progress(F.estimasi, 0, 1);
    const pairs = new Map(rows.map((r) => [`${r.desa.kode}/${r.tahun}`, { desaKode: r.desa.kode, tahun: r.tahun }]));
    const { changed } = await reestimateSasaran(actor, [...pairs.values()], { client, sumber });
    progress(F.estimasi, 1, 1);
    return { estimasi: changed };
  },
});

async function applyPenduduk(client: pg.ClientBase, actor: Actor, sumber: string): Promise<{ inserted: number; updated: number }> {
  const at = new Date().toISOString();
  await client.query(`DROP TABLE IF EXISTS pg_temp.imp_penduduk_beda`);
  await client.query(
    `CREATE TEMP TABLE imp_penduduk_beda ON COMMIT DROP AS
     SELECT s.desa_kode, s.tahun, s.kelompok, s.jumlah, x.jumlah AS lama
     FROM imp_penduduk s LEFT JOIN penduduk x USING (desa_kode, tahun, kelompok)
     WHERE x.jumlah IS DISTINCT FROM s.jumlah`,
  );
  const count = await client.query<{ inserted: number; updated: number }>(
    `SELECT count(*) FILTER (WHERE lama IS NULL)::int AS inserted, count(*) FILTER (WHERE lama IS NOT NULL)::int AS updated
     FROM imp_penduduk_beda`,
  );
  await client.query(
    `INSERT INTO penduduk (desa_kode, tahun, kelompok, jumlah, updated_at, updated_by)
     SELECT desa_kode, tahun, kelompok, jumlah, $1::timestamp, $2 FROM imp_penduduk_beda
     ON CONFLICT (desa_kode, tahun, kelompok) DO UPDATE SET jumlah = EXCLUDED.jumlah,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [at, actor.email],
  );
  await client.query(
    `INSERT INTO audit_log (at, user_id, user_email, aksi, entitas, kunci, lama, baru, sumber)
     SELECT $1::timestamp, $2, $3, CASE WHEN lama IS NULL THEN 'tambah' ELSE 'ubah' END, 'penduduk',
       desa_kode || '/' || tahun || '/' || kelompok,
       to_jsonb(lama), to_jsonb(jumlah), $4
     FROM imp_penduduk_beda ORDER BY desa_kode, tahun, kelompok`,
    [at, actor.id, actor.email, sumber],
  );
  return count.rows[0];
}
