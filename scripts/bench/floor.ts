import { CHILD_LEVEL } from "@/lib/data/figures";
import { LEVEL_COLUMN } from "@/lib/data/level-column";
import { rekapScope } from "@/lib/data/rekap";
import { nilaiSumsQuery, sasaranSumsQuery } from "@/lib/data/sums-sql";
import { INDIKATOR } from "@/lib/spm/catalog";
import type { WilayahNode } from "@/lib/data/wilayah";
import type { Tingkat } from "@/lib/wilayah/kode";

// The "floor" of each measured page: the bare SQL that returns the same aggregates the page shows, run
// through pg without Next.js, auth or rendering. With `rekap` the floor reads what Pantau reads (the
// rollups where they answer, the base tables below); without, every aggregate is the plain GROUP BY over
// the base tables (what the page would cost without the rollups).

export type Query = [sql: string, params: unknown[]];
type Level = Exclude<Tingkat, "nasional">;


export type Unit = Pick<WilayahNode, "tingkat" | "kode" | "place">;

export function unitOf(tingkat: Tingkat, kode: string, provinsi: string | null, kabupaten: string | null): Unit {
  return { tingkat, kode, place: { provinsiKode: provinsi, kabupatenKode: kabupaten, puskesmasKode: tingkat === "puskesmas" ? kode : null } };
}

/** Sasaran and monthly sums of the unit (level null) or per unit of `level` inside it: the queries Pantau runs. */
function sums(u: Unit, level: Level | null, tahun: number, bulan: number, rekap: boolean, indikator: string[] | null = null): Query[] {
  return [sasaranSumsQuery(u, level, tahun, bulan, { useRekap: rekap, indikator }), nilaiSumsQuery(u, level, tahun, bulan, { useRekap: rekap, indikator })];
}

/** The export's default indicators: the 12 SPM services. */
const SPM = INDIKATOR.filter((i) => i.spm).map((i) => i.kode);

/** Submitted / on-time report counts and desa counts of the unit and its children. */
function counts(u: Unit, level: Level | null, tahun: number, bulan: number, rekap: boolean): Query[] {
  const r = rekap ? rekapScope(u, level, 3, "laporan") : null;
  const desaKey = level ? (level === "desa" ? "kode" : LEVEL_COLUMN[level]) : "''";
  const desaWhere = u.tingkat === "nasional" ? "" : ` WHERE ${u.tingkat === "desa" ? "kode" : LEVEL_COLUMN[u.tingkat]} = $1`;
  const out: Query[] = [[`SELECT ${desaKey}, count(*) FROM desa${desaWhere} GROUP BY 1`, u.tingkat === "nasional" ? [] : [u.kode]]];
  if (r) {
    out.push([`SELECT ${r.perUnit ? "kode" : "''"}, sum(dikirim), sum(tepat) FROM rekap_laporan WHERE ${r.sql} AND tahun = $1 AND bulan <= $2 GROUP BY 1 HAVING sum(dikirim) > 0`, [tahun, bulan, ...r.params]]);
  } else {
    const w = u.tingkat === "nasional" ? "" : ` AND ${LEVEL_COLUMN[u.tingkat]} = $3`;
    out.push([
      `SELECT ${level ? LEVEL_COLUMN[level] : "''"}, count(*), count(*) FILTER (WHERE NOT terlambat) FROM laporan
       WHERE status IN ('DIKIRIM', 'DIVERIFIKASI') AND tahun = $1 AND bulan <= $2${w} GROUP BY 1`,
      u.tingkat === "nasional" ? [tahun, bulan] : [tahun, bulan, u.kode],
    ]);
  }
  return out;
}

/** Everything a dashboard page shows: unit and children figures, completeness, "data per", desa extras. */
export function dashboardFloor(u: Unit, tahun: number, bulan: number, rekap = true): Query[] {
  const child = CHILD_LEVEL[u.tingkat];
  const q: Query[] = [...sums(u, null, tahun, bulan, rekap), ...counts(u, null, tahun, bulan, rekap)];
  if (child) q.push(...sums(u, child, tahun, bulan, rekap), ...counts(u, child, tahun, bulan, rekap));
  q.push([`SELECT max(updated_at) FROM laporan${u.tingkat === "nasional" ? "" : ` WHERE ${LEVEL_COLUMN[u.tingkat]} = $1`}`, u.tingkat === "nasional" ? [] : [u.kode]]);
  if (u.tingkat === "desa") {
    q.push(
      [`SELECT bulan, status, terlambat, alasan FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan <= $3`, [u.kode, tahun, bulan]],
      [`SELECT kode, nama FROM pustu WHERE desa_kode = $1`, [u.kode]],
      [`SELECT kode, nama FROM posyandu WHERE desa_kode = $1 ORDER BY nama`, [u.kode]],
      [`SELECT tahun, kelompok, jumlah FROM penduduk WHERE desa_kode = $1 AND tahun = (SELECT max(tahun) FROM penduduk WHERE desa_kode = $1)`, [u.kode]],
    );
  }
  return q;
}

/** GET /api/v1/spm: the unit's figures. */
export function spmFloor(u: Unit, tahun: number, bulan: number, rekap = true): Query[] {
  return sums(u, null, tahun, bulan, rekap);
}

/** The report export: unit, children, every desa when asked, and the sasaran sources. */
export function exportFloor(u: Unit, tahun: number, bulan: number, detail: "anak" | "desa", rekap = true): Query[] {
  const child = CHILD_LEVEL[u.tingkat]!;
  const q = [...sums(u, null, tahun, bulan, rekap, SPM), ...sums(u, child, tahun, bulan, rekap, SPM)];
  if (detail === "desa" && child !== "desa") q.push(...sums(u, "desa", tahun, bulan, rekap, SPM));
  const r = rekap ? rekapScope(u, null, 3, "sasaran") : null;
  const kab = u.tingkat === "nasional" ? "" : ` AND ${LEVEL_COLUMN[u.tingkat]} = $3`;
  q.push(r
    ? [`SELECT sum(ditetapkan), sum(baris - ditetapkan) FROM rekap_sasaran WHERE ${r.sql} AND tahun = $1 AND indikator_kode = ANY($2)`, [tahun, SPM, ...r.params]]
    : [`SELECT sumber, count(*) FROM sasaran WHERE tahun = $1 AND indikator_kode = ANY($2)${kab} GROUP BY 1`, u.tingkat === "nasional" ? [tahun, SPM] : [tahun, SPM, u.kode]]);
  return q;
}
