import type pg from "pg";
import { INDIKATOR, KLASTER } from "@/lib/spm/catalog";

// The Klaster and Indikator rows come from lib/spm/catalog.ts, the one definition: upserted at init.
export async function loadCatalog(client: pg.ClientBase): Promise<number> {
  await client.query("BEGIN");
  try {
    for (const k of KLASTER) {
      await client.query(
        `INSERT INTO klaster (kode, nama) VALUES ($1, $2) ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama`,
        [k.kode, k.nama],
      );
    }
    for (const i of INDIKATOR) {
      await client.query(
        `INSERT INTO indikator (kode, nama, klaster_kode, jenis, basis, target, arah, spm, urutan)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, klaster_kode = EXCLUDED.klaster_kode,
           jenis = EXCLUDED.jenis, basis = EXCLUDED.basis, target = EXCLUDED.target, arah = EXCLUDED.arah,
           spm = EXCLUDED.spm, urutan = EXCLUDED.urutan`,
        [i.kode, i.nama, i.klaster, i.jenis, i.basis, i.target, i.arah, i.spm, i.urutan],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return INDIKATOR.length;
}
