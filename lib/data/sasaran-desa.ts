import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, requirePermission } from "@/lib/auth/permissions";
import { pool } from "@/lib/db/pool";
import { INDIKATOR } from "@/lib/spm/catalog";
import { KELOMPOK_PENDUDUK, type KelompokPenduduk } from "@/lib/spm/penduduk";
import type { SumberSasaran } from "@/lib/spm/sasaran";
import { importPenduduk } from "./import-penduduk";
import { importSasaran } from "./import-sasaran";
import { reestimateSasaran } from "./sasaran-estimasi";
import { inTransaction } from "./transaction";
import { getWilayah } from "./wilayah";

// Population and sasaran of one desa and year, as dinkes kabupaten sees and edits them. Edits go through
// the same imports as the CSV files (validation, scope, audit, re-estimation: one concept, one place).

export interface SasaranDesa {
  desa: { kode: string; nama: string; kabupatenKode: string };
  tahun: number;
  penduduk: Record<KelompokPenduduk, number | null>;
  sasaran: { kode: string; nama: string; basisLabel: string | null; jumlah: number | null; sumber: SumberSasaran | null }[];
}

export async function getSasaranDesa(actor: Actor, desaKode: string, tahun: number): Promise<SasaranDesa> {
  const node = await getWilayah(actor, desaKode);
  if (node.tingkat !== "desa") throw new ForbiddenError();
  const db = await pool();
  const [p, s] = await Promise.all([
    db.query<{ k: KelompokPenduduk; j: number }>(`SELECT kelompok k, jumlah j FROM penduduk WHERE desa_kode = $1 AND tahun = $2`, [node.kode, tahun]),
    db.query<{ i: string; j: number; s: SumberSasaran }>(`SELECT indikator_kode i, jumlah j, sumber::text s FROM sasaran WHERE desa_kode = $1 AND tahun = $2`, [node.kode, tahun]),
  ]);
  const penduduk = Object.fromEntries(KELOMPOK_PENDUDUK.map((k) => [k, p.rows.find((r) => r.k === k)?.j ?? null])) as Record<KelompokPenduduk, number | null>;
  const byInd = new Map(s.rows.map((r) => [r.i, r]));
  return {
    desa: { kode: node.kode, nama: node.nama, kabupatenKode: node.place.kabupatenKode ?? "" },
    tahun,
    penduduk,
    sasaran: INDIKATOR.filter((i) => i.basis !== null).map((i) => ({
      kode: i.kode, nama: i.nama, basisLabel: i.basisLabel, jumlah: byInd.get(i.kode)?.j ?? null, sumber: byInd.get(i.kode)?.s ?? null,
    })),
  };
}

export interface UbahSasaranDesa {
  /** Changed population counts. */
  penduduk: Partial<Record<KelompokPenduduk, number>>;
  /** Sasaran to set (DITETAPKAN). */
  sasaran: Record<string, number>;
  /** DITETAPKAN sasaran to drop, so the estimate applies again. */
  keEstimasi: string[];
}

/** Applies a dinkes kabupaten's edit of one desa and year; throws ForbiddenError outside its scope. */
export async function ubahSasaranDesa(actor: Actor, desaKode: string, tahun: number, ubah: UbahSasaranDesa): Promise<{ ok: true } | { ok: false; message: string }> {
  requirePermission(actor, "sasaran.kelola");
  await getSasaranDesa(actor, desaKode, tahun); // scope
  const pRows = Object.entries(ubah.penduduk).map(([k, j]) => `${desaKode},${tahun},${k},${j}`);
  if (pRows.length > 0) {
    const r = await importPenduduk(actor, `kode_desa,tahun,kelompok,jumlah\n${pRows.join("\n")}\n`, { sumber: "formulir" });
    if (!r.ok) return { ok: false, message: r.errors.map((e) => e.message).join(" ") };
  }
  const sRows = Object.entries(ubah.sasaran).map(([i, j]) => `${desaKode},${tahun},${i},${j}`);
  if (sRows.length > 0) {
    const r = await importSasaran(actor, `kode_desa,tahun,indikator,sasaran\n${sRows.join("\n")}\n`, { sumber: "formulir" });
    if (!r.ok) return { ok: false, message: r.errors.map((e) => e.message).join(" ") };
  }
  if (ubah.keEstimasi.length > 0) {
    await inTransaction(async (client) => {
      const del = await client.query<{ i: string; j: number }>(
        `DELETE FROM sasaran WHERE desa_kode = $1 AND tahun = $2 AND indikator_kode = ANY($3) AND sumber = 'DITETAPKAN' RETURNING indikator_kode i, jumlah j`,
        [desaKode, tahun, ubah.keEstimasi],
      );
      for (const r of del.rows) {
        await client.query(`INSERT INTO audit_log (user_id, user_email, aksi, entitas, kunci, lama, baru, sumber) VALUES ($1, $2, 'hapus', 'sasaran', $3, $4::jsonb, NULL, 'formulir')`, [
          actor.id, actor.email, `${desaKode}/${tahun}/${r.i}`, JSON.stringify({ jumlah: r.j, sumber: "DITETAPKAN" }),
        ]);
      }
      await reestimateSasaran(actor, [{ desaKode, tahun }], { client, sumber: "formulir" });
    });
  }
  return { ok: true };
}
