import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import type { NilaiBulanan } from "@/lib/report/dhis2";
import { LEVEL_COLUMN } from "./level-column";
import { getWilayah, type WilayahNode } from "./wilayah";

// The monthly values of every desa in a unit, for the DHIS2 dataValueSets export: only counted values
// (reports DIKIRIM or DIVERIFIKASI, `nilai.dihitung`), read with one query on the denormalised columns.


export async function dhis2Values(actor: Actor, kode: string, tahun: number, bulan: number): Promise<{ wilayah: WilayahNode; values: NilaiBulanan[] }> {
  const wilayah = await getWilayah(actor, kode);
  const db = await pool();
  const filter = wilayah.tingkat === "nasional" ? "" : ` AND ${LEVEL_COLUMN[wilayah.tingkat]} = $3`;
  const { rows } = await db.query<{ desa_kode: string; indikator_kode: string; nilai: number; updated_by: string | null; updated_at: string | null }>(
    `SELECT desa_kode, indikator_kode, nilai, updated_by, to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS updated_at
     FROM nilai WHERE tahun = $1 AND bulan = $2 AND dihitung${filter}
     ORDER BY desa_kode, indikator_kode`,
    wilayah.tingkat === "nasional" ? [tahun, bulan] : [tahun, bulan, wilayah.kode],
  );
  return {
    wilayah,
    values: rows.map((r) => ({ desaKode: r.desa_kode, indikator: r.indikator_kode, tahun, bulan, nilai: r.nilai, updatedBy: r.updated_by, updatedAt: r.updated_at })),
  };
}
