import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/auth/permissions";
import { pool } from "@/lib/db/pool";
import { getIndikator } from "@/lib/spm/catalog";
import type { SumberSasaran } from "@/lib/spm/sasaran";
import { getWilayah } from "./wilayah";

// The sasaran of a desa, indicator and year with its source. Rows are kept resolved: an entered
// (DITETAPKAN) figure always wins; ESTIMASI rows are recomputed from population on every population or
// parameter change (lib/data/sasaran-estimasi.ts), never over a DITETAPKAN one.
export async function getSasaran(actor: Actor, desaKode: string, indikatorKode: string, tahun: number): Promise<{ sasaran: number | null; sumber: SumberSasaran | null }> {
  const node = await getWilayah(actor, desaKode);
  if (node.tingkat !== "desa" || !getIndikator(indikatorKode)) throw new NotFoundError();
  const db = await pool();
  const { rows } = await db.query<{ jumlah: number; sumber: SumberSasaran }>(
    `SELECT jumlah, sumber::text AS sumber FROM sasaran WHERE desa_kode = $1 AND indikator_kode = $2 AND tahun = $3`,
    [desaKode, indikatorKode, tahun],
  );
  return rows[0] ? { sasaran: rows[0].jumlah, sumber: rows[0].sumber } : { sasaran: null, sumber: null };
}
