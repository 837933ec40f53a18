import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import { buildReportModel, indikatorOf, levelRows, type Detail, type IndikatorSet, type ReportModel, type StreamedLevel, type SumberSasaran, type UnitTingkat } from "@/lib/report/rows";
import type { Indikator } from "@/lib/spm/catalog";
import type { Tingkat } from "@/lib/wilayah/kode";
import { CHILD_LEVEL, childFigures, childUnits, unitFigures } from "./figures";
import { LEVEL_COLUMN } from "./level-column";
import { rekapScope } from "./rekap";
import type { WilayahNode } from "./wilayah";
import { hariBatasTerakhir } from "./pengaturan";

// The achievement report model (lib/report/rows) of a unit: figures from lib/data/figures, which resolves
// the unit and checks the actor's scope before reading anything.

export interface ReportQuery {
  kode: string;
  tahun: number;
  /** Absent: the full year (figures cumulated to December). */
  bulan?: number;
  detail: Detail;
  indikator: IndikatorSet;
}

/** The levels listed under a unit: one level down, then every desa when asked (desa itself has none). */
function detailLevels(tingkat: Tingkat, detail: Detail): UnitTingkat[] {
  const anak = CHILD_LEVEL[tingkat];
  if (!anak) return [];
  return detail === "desa" && anak !== "desa" ? [anak, "desa"] : [anak];
}

/** Desa × indicator sasaran rows of the unit for the year, by source (DITETAPKAN, ESTIMASI). */
async function sumberSasaran(node: WilayahNode, tahun: number, indikator: readonly Indikator[]): Promise<SumberSasaran> {
  const db = await pool();
  const kodes = indikator.map((i) => i.kode);
  const rekap = rekapScope(node, null, 3, "sasaran");
  if (rekap) {
    // From the rollup (exact in the writing transaction): rows per source of the unit's desa.
    const { rows } = await db.query<{ d: number; e: number }>(
      `SELECT coalesce(sum(ditetapkan), 0)::int AS d, coalesce(sum(baris - ditetapkan), 0)::int AS e FROM rekap_sasaran
       WHERE ${rekap.sql} AND tahun = $1 AND indikator_kode = ANY($2)`,
      [tahun, kodes, ...rekap.params],
    );
    return { ditetapkan: rows[0].d, estimasi: rows[0].e };
  }
  const filter = node.tingkat === "nasional" ? "" : ` AND ${LEVEL_COLUMN[node.tingkat]} = $3`;
  const { rows } = await db.query<{ sumber: string; n: number }>(
    `SELECT sumber::text AS sumber, count(*)::int AS n FROM sasaran WHERE tahun = $1 AND indikator_kode = ANY($2)${filter} GROUP BY sumber`,
    node.tingkat === "nasional" ? [tahun, kodes] : [tahun, kodes, node.kode],
  );
  const count = (s: string) => rows.find((r) => r.sumber === s)?.n ?? 0;
  return { ditetapkan: count("DITETAPKAN"), estimasi: count("ESTIMASI") };
}

/** The report of a unit in the actor's scope (ForbiddenError outside it, NotFoundError for an unknown code). */
export async function loadReport(actor: Actor, q: ReportQuery, now = new Date()): Promise<ReportModel> {
  return (await load(actor, q, now, false)).model;
}

/**
 * The report for a file export that is written as it is read: as loadReport, except that the desa level of
 * a provinsi or of the nation (8,562 desa for Jawa Tengah, 83,762 for the nation) is not loaded at once but
 * one kabupaten at a time while the file is written (`detail`, absent from `model.levels`). The parts'
 * rows, in order, are the rows loadReport lists (both ordered by code; same figures). Other reports come
 * whole, with `detail` null.
 */
export function loadReportParts(actor: Actor, q: ReportQuery, now = new Date()): Promise<{ model: ReportModel; detail: StreamedLevel | null }> {
  return load(actor, q, now, true);
}

async function load(actor: Actor, q: ReportQuery, now: Date, allowParts: boolean): Promise<{ model: ReportModel; detail: StreamedLevel | null }> {
  const bulan = q.bulan ?? 12;
  const indikator = indikatorOf(q.indikator); // read and compute only the indicators exported
  const unit = await unitFigures(actor, q.kode, q.tahun, bulan, { indikator });
  const levels = detailLevels(unit.wilayah.tingkat, q.detail);
  const inParts = allowParts && levels.length === 2 && (unit.wilayah.tingkat === "provinsi" || unit.wilayah.tingkat === "nasional");
  const whole = inParts ? levels.slice(0, 1) : levels;
  const [children, sumber, kabupaten, hariBatas] = await Promise.all([
    Promise.all(whole.map((level) => childFigures(actor, q.kode, q.tahun, bulan, level, { indikator }))),
    sumberSasaran(unit.wilayah, q.tahun, indikator),
    inParts ? childUnits(actor, q.kode, "kabupaten") : Promise.resolve([]),
    hariBatasTerakhir(unit.wilayah.place),
  ]);
  const model = buildReportModel({
    wilayah: { kode: unit.wilayah.kode, nama: unit.wilayah.nama, tingkat: unit.wilayah.tingkat },
    tahun: q.tahun,
    bulan,
    setahun: q.bulan === undefined,
    detail: q.detail,
    indikatorSet: q.indikator,
    unit,
    levels: whole.map((tingkat, i) => ({ tingkat, units: children[i] })),
    sumberSasaran: sumber,
    hariBatas,
    dibuat: now,
  });
  if (!inParts) return { model, detail: null };
  const detail: StreamedLevel = {
    tingkat: "desa",
    parts: async function* () {
      for (const k of kabupaten) yield levelRows(model.indikator, await childFigures(actor, k.kode, q.tahun, bulan, "desa", { indikator }), "desa", bulan);
    },
  };
  return { model, detail };
}
