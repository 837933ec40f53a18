import "server-only";
import { pool } from "@/lib/db/pool";
import type { Tingkat } from "@/lib/wilayah/kode";
import { rekapScope } from "./rekap";
import type { WilayahNode } from "./wilayah";

// Report completeness and timeliness counts (the percentages come from lib/spm/kelengkapan).

const COLUMN: Record<Exclude<Tingkat, "nasional">, string> = {
  provinsi: "provinsi_kode",
  kabupaten: "kabupaten_kode",
  kecamatan: "kecamatan_kode",
  puskesmas: "puskesmas_kode",
  desa: "kode",
};

export interface LaporanCounts {
  desa: number;
  dikirim: number;
  /** Reports submitted by their deadline (not terlambat). */
  tepat: number;
}

/** Per child unit (or '' for the unit itself): desa count and reports submitted / on time for months 1..bulan. */
export async function laporanCounts(node: Pick<WilayahNode, "tingkat" | "kode" | "place">, childLevel: Exclude<Tingkat, "nasional"> | null, tahun: number, bulan: number): Promise<Map<string, LaporanCounts>> {
  const db = await pool();
  const key = childLevel ? COLUMN[childLevel] : "''";
  const lapKey = childLevel ? (childLevel === "desa" ? "desa_kode" : COLUMN[childLevel]) : "''";
  const filter = node.tingkat === "nasional" ? "" : ` AND ${COLUMN[node.tingkat]} = $1`;
  const lapFilter = node.tingkat === "nasional" ? "" : ` AND ${node.tingkat === "desa" ? "desa_kode" : COLUMN[node.tingkat]} = $1`;
  const params = node.tingkat === "nasional" ? [] : [node.kode];
  const n = params.length;
  const rekap = rekapScope(node, childLevel, 3, "laporan");
  const [desa, lap] = await Promise.all([
    db.query<{ k: string; n: number }>(`SELECT ${key} AS k, count(*)::int AS n FROM desa WHERE true${filter} GROUP BY 1`, params),
    rekap
      ? // The rollup rekap_laporan holds the same counts, kept exact by triggers in the writing transaction.
        db.query<{ k: string; dikirim: number; tepat: number }>(
          `SELECT ${rekap.perUnit ? "kode" : "''"} AS k, sum(dikirim)::int AS dikirim, sum(tepat)::int AS tepat FROM rekap_laporan
           WHERE ${rekap.sql} AND tahun = $1 AND bulan <= $2 GROUP BY 1 HAVING sum(dikirim) > 0`,
          [tahun, bulan, ...rekap.params],
        )
      : db.query<{ k: string; dikirim: number; tepat: number }>(
          `SELECT ${lapKey} AS k, count(*)::int AS dikirim, count(*) FILTER (WHERE NOT terlambat)::int AS tepat FROM laporan
           WHERE status IN ('DIKIRIM', 'DIVERIFIKASI') AND tahun = $${n + 1} AND bulan <= $${n + 2}${lapFilter} GROUP BY 1`,
          [...params, tahun, bulan],
        ),
  ]);
  const out = new Map<string, LaporanCounts>();
  for (const r of desa.rows) out.set(r.k, { desa: r.n, dikirim: 0, tepat: 0 });
  for (const r of lap.rows) {
    const c = out.get(r.k) ?? { desa: 0, dikirim: 0, tepat: 0 };
    out.set(r.k, { ...c, dikirim: r.dikirim, tepat: r.tepat });
  }
  return out;
}

/** The time of the latest change of any report of the unit that is no draft (the "data per" stamp), or null. */
export async function latestChange(node: Pick<WilayahNode, "tingkat" | "kode">): Promise<Date | null> {
  const db = await pool();
  const filter = node.tingkat === "nasional" ? "" : ` AND ${node.tingkat === "desa" ? "desa_kode" : COLUMN[node.tingkat]} = $1`;
  // A draft's save time is the puskesmas's own business (DOMAIN.md §7), and the figures do not count it.
  const { rows } = await db.query<{ t: Date | null }>(`SELECT max(updated_at) AS t FROM laporan WHERE status <> 'DRAFT'${filter}`, node.tingkat === "nasional" ? [] : [node.kode]);
  return rows[0].t;
}

export interface StatusBulan {
  bulan: number;
  status: string | null;
  terlambat: boolean;
  alasan: string | null;
}

/** A desa's report status for each month of the year up to `bulan` (null = belum diisi). */
export async function desaStatuses(desaKode: string, tahun: number, bulan: number, seesDrafts: boolean): Promise<StatusBulan[]> {
  const db = await pool();
  const { rows } = await db.query<{ bulan: number; status: string; terlambat: boolean; alasan: string | null }>(
    `SELECT bulan, status::text, terlambat, alasan FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan <= $3`,
    [desaKode, tahun, bulan],
  );
  const byBulan = new Map(rows.map((r) => [r.bulan, r]));
  return Array.from({ length: bulan }, (_, i) => {
    const r = byBulan.get(i + 1);
    const hidden = r?.status === "DRAFT" && !seesDrafts;
    // A hidden draft is no report: not its status, nor the lateness or return reason it kept from before.
    if (!r || hidden) return { bulan: i + 1, status: null, terlambat: false, alasan: null };
    return { bulan: i + 1, status: r.status, terlambat: r.terlambat, alasan: r.alasan };
  });
}
