import "server-only";
import { assertBulan } from "@/lib/spm/guards";
import type { Tingkat } from "@/lib/wilayah/kode";
import { LEVEL_COLUMN } from "./level-column";
import { rekapScope } from "./rekap";
import type { WilayahNode } from "./wilayah";

// The SQL of a unit's sums (its own, or per unit of a level inside it) for one year up to a month: from the
// rollups where they answer (exact in the writing transaction), else one GROUP BY over the fact table's
// denormalised wilayah columns. Run by lib/data/figures.ts; the benchmark runs the same text as its floor.

export type SumsQuery = [sql: string, params: unknown[]];
type Unit = Pick<WilayahNode, "tingkat" | "kode" | "place">;
type Level = Exclude<Tingkat, "nasional"> | null;

export interface SumsOptions {
  /** false: the base tables even where a rollup answers (the benchmark's "without rollups" figure, tests). */
  useRekap?: boolean;
  /** Only these indicator codes (null or absent: all). */
  indikator?: readonly string[] | null;
}

/** The indicator filter, its parameter appended to `params`. */
function onlyIndikator(opts: SumsOptions, params: unknown[]): string {
  if (!opts.indikator) return "";
  params.push([...opts.indikator]);
  return ` AND indikator_kode = ANY($${params.length})`;
}

function baseWhere(node: Unit): { sql: string; params: string[] } {
  if (node.tingkat === "nasional") return { sql: "", params: [] };
  return { sql: ` AND ${LEVEL_COLUMN[node.tingkat]} = $3`, params: [node.kode] };
}

/** Rows (k, i, s): the summed sasaran per unit (k, '' for the unit itself) and indicator. */
export function sasaranSumsQuery(node: Unit, level: Level, tahun: number, bulan: number, opts: SumsOptions = {}): SumsQuery {
  assertBulan(bulan);
  const rekap = opts.useRekap === false ? null : rekapScope(node, level, 3, "sasaran");
  if (rekap) {
    const group = rekap.perUnit ? "kode, " : "";
    const params: unknown[] = [tahun, bulan, ...rekap.params];
    return [
      `SELECT ${rekap.perUnit ? "kode" : "''"} AS k, indikator_kode AS i, sum(jumlah)::text AS s FROM rekap_sasaran
       WHERE ${rekap.sql} AND tahun = $1 AND $2::int > 0${onlyIndikator(opts, params)} GROUP BY ${group}indikator_kode HAVING sum(baris) > 0`,
      params,
    ];
  }
  const by = level ? LEVEL_COLUMN[level] : null;
  const w = baseWhere(node);
  const params: unknown[] = [tahun, bulan, ...w.params];
  return [
    `SELECT ${by ?? "''"} AS k, indikator_kode AS i, sum(jumlah)::text AS s FROM sasaran
     WHERE tahun = $1 AND $2::int > 0${w.sql}${onlyIndikator(opts, params)} GROUP BY ${by ? `${by}, ` : ""}indikator_kode`,
    params,
  ];
}

/**
 * Rows (k, i, m1..m<bulan>): the monthly sums of the counted values per unit and indicator, one column per
 * month (null: nothing that month). Only counted values (reports DIKIRIM and DIVERIFIKASI: `nilai.dihitung`).
 */
export function nilaiSumsQuery(node: Unit, level: Level, tahun: number, bulan: number, opts: SumsOptions = {}): SumsQuery {
  assertBulan(bulan);
  const months = Array.from({ length: bulan }, (_, j) => j + 1);
  const rekap = opts.useRekap === false ? null : rekapScope(node, level, 3, "nilai");
  if (rekap) {
    // One row per unit, indicator and year (b1..b12); summed over provinsi rows for the nation.
    const cols = months.map((m) => `sum(b${m})::text AS m${m}`).join(", ");
    const key = rekap.unitKey ?? "kode";
    const group = rekap.perUnit ? `${key}, ` : "";
    const params: unknown[] = [tahun, bulan, ...rekap.params];
    return [
      `SELECT ${rekap.perUnit ? key : "''"} AS k, indikator_kode AS i, ${cols} FROM rekap_nilai
       WHERE ${rekap.sql} AND tahun = $1 AND $2::int > 0${onlyIndikator(opts, params)} GROUP BY ${group}indikator_kode`,
      params,
    ];
  }
  const by = level ? LEVEL_COLUMN[level] : null;
  const w = baseWhere(node);
  const cols = months.map((m) => `sum(nilai) FILTER (WHERE bulan = ${m})::text AS m${m}`).join(", ");
  const params: unknown[] = [tahun, bulan, ...w.params];
  return [
    `SELECT ${by ?? "''"} AS k, indikator_kode AS i, ${cols} FROM nilai
     WHERE tahun = $1 AND bulan <= $2 AND dihitung${w.sql}${onlyIndikator(opts, params)} GROUP BY ${by ? `${by}, ` : ""}indikator_kode`,
    params,
  ];
}
