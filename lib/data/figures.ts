import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import { INDIKATOR, type Indikator } from "@/lib/spm/catalog";
import { capaianRounded, realisasi, targetLineRounded } from "@/lib/spm/capaian";
import { computeFigure, type Figure } from "@/lib/spm/figure";
import { indeksSpm, type IndeksSpm } from "@/lib/spm/indeks";
import type { Tingkat } from "@/lib/wilayah/kode";
import { LEVEL_COLUMN } from "./level-column";
import { rekapScope } from "./rekap";
import { getWilayah, type WilayahNode } from "./wilayah";

// Figures of every indicator for a unit (and per child unit), aggregated in PostgreSQL (from the rollups
// per provinsi/kabupaten/puskesmas where they answer, else one GROUP BY over the fact tables' denormalised
// wilayah columns), then computed by lib/spm (the one arithmetic).


/** The level whose units are listed as children of a unit (grafik PWS, heatmap, breakdown exports). */
export const CHILD_LEVEL: Record<Tingkat, Exclude<Tingkat, "nasional"> | null> = {
  nasional: "provinsi",
  provinsi: "kabupaten",
  kabupaten: "puskesmas",
  kecamatan: "desa",
  puskesmas: "desa",
  desa: null,
};

export interface FigureOptions {
  /** Count DRAFT reports too (only for the puskesmas's own view). */
  termasukDraft?: boolean;
}

export interface SeriesPoint {
  bulan: number;
  capaian: number | null;
  target: number;
}

export interface UnitFigures {
  figures: Figure[];
  indeks: IndeksSpm;
  /** Per indicator: capaian and target line for months 1..bulan (the PWS picture). */
  series?: Record<string, SeriesPoint[]>;
}

type Key = string;
interface Sums {
  sasaran: Map<Key, Map<string, number>>;
  monthly: Map<Key, Map<string, number[]>>;
}

function where(node: Pick<WilayahNode, "tingkat" | "kode">, firstParam: number): { sql: string; params: string[] } {
  if (node.tingkat === "nasional") return { sql: "", params: [] };
  return { sql: ` AND ${LEVEL_COLUMN[node.tingkat]} = $${firstParam}`, params: [node.kode] };
}

type SumRow = { k: string; i: string; s: string };
type MonthRow = SumRow & { b: number };

/** Sasaran and monthly sums of the unit (groupLevel null) or of each unit of groupLevel inside it. */
async function querySums(node: WilayahNode, groupLevel: Exclude<Tingkat, "nasional"> | null, tahun: number, bulan: number, opts: FigureOptions) {
  const db = await pool();
  const rekap = opts.termasukDraft ? null : rekapScope(node, groupLevel, 3);
  if (rekap) {
    // The rollups (rekap_*), exact in the writing transaction: same sums as the GROUP BY below.
    const key = rekap.perUnit ? "kode AS k" : "'' AS k";
    const group = rekap.perUnit ? "kode, " : "";
    return Promise.all([
      db.query<SumRow>(
        `SELECT ${key}, indikator_kode AS i, sum(jumlah)::text AS s FROM rekap_sasaran
         WHERE ${rekap.sql} AND tahun = $1 AND $2::int > 0 GROUP BY ${group}indikator_kode HAVING sum(baris) > 0`,
        [tahun, bulan, ...rekap.params],
      ),
      db.query<MonthRow>(
        `SELECT ${key}, indikator_kode AS i, bulan AS b, sum(jumlah)::text AS s FROM rekap_nilai
         WHERE ${rekap.sql} AND tahun = $1 AND bulan <= $2 GROUP BY ${group}indikator_kode, bulan HAVING sum(jumlah) <> 0`,
        [tahun, bulan, ...rekap.params],
      ),
    ]);
  }
  const groupBy = groupLevel ? LEVEL_COLUMN[groupLevel] : null;
  const key = groupBy ? `${groupBy} AS k` : `'' AS k`;
  const group = groupBy ? `${groupBy}, ` : "";
  const w = where(node, 3);
  const counted = opts.termasukDraft ? "(dihitung OR EXISTS (SELECT 1 FROM laporan l WHERE l.id = nilai.laporan_id AND l.status = 'DRAFT'))" : "dihitung";
  return Promise.all([
    db.query<SumRow>(
      `SELECT ${key}, indikator_kode AS i, sum(jumlah)::text AS s FROM sasaran
       WHERE tahun = $1 AND $2::int > 0${w.sql} GROUP BY ${group}indikator_kode`,
      [tahun, bulan, ...w.params],
    ),
    db.query<MonthRow>(
      `SELECT ${key}, indikator_kode AS i, bulan AS b, sum(nilai)::text AS s FROM nilai
       WHERE tahun = $1 AND bulan <= $2 AND ${counted}${w.sql} GROUP BY ${group}indikator_kode, bulan`,
      [tahun, bulan, ...w.params],
    ),
  ]);
}

async function loadSums(node: WilayahNode, groupLevel: Exclude<Tingkat, "nasional"> | null, tahun: number, bulan: number, opts: FigureOptions): Promise<Sums> {
  const [s, v] = await querySums(node, groupLevel, tahun, bulan, opts);
  const sums: Sums = { sasaran: new Map(), monthly: new Map() };
  for (const r of s.rows) {
    if (!sums.sasaran.has(r.k)) sums.sasaran.set(r.k, new Map());
    sums.sasaran.get(r.k)!.set(r.i, Number(r.s));
  }
  for (const r of v.rows) {
    if (!sums.monthly.has(r.k)) sums.monthly.set(r.k, new Map());
    const m = sums.monthly.get(r.k)!;
    if (!m.has(r.i)) m.set(r.i, new Array(12).fill(0));
    m.get(r.i)![r.b - 1] = Number(r.s);
  }
  return sums;
}

/**
 * Per indicator: capaian and target line for months 1..bulan (the PWS picture). Each indicator's series is
 * computed when first read (a page draws one indicator's chart; the API and exports draw none).
 */
function seriesOf(sums: Sums, key: Key, bulan: number, catalog: readonly Indikator[]): Record<string, SeriesPoint[]> {
  const out: Record<string, SeriesPoint[]> = {};
  for (const ind of catalog) {
    let memo: SeriesPoint[] | undefined;
    const compute = (): SeriesPoint[] => {
      const monthly = sums.monthly.get(key)?.get(ind.kode) ?? new Array(12).fill(0);
      // As computeFigure does: a jumlah indicator has no sasaran.
      const sasaran = ind.jenis === "jumlah" ? null : (sums.sasaran.get(key)?.get(ind.kode) ?? null);
      return Array.from({ length: bulan }, (_, i) => ({
        bulan: i + 1,
        capaian: capaianRounded(realisasi(ind.jenis, monthly, i + 1), sasaran),
        target: targetLineRounded(ind, i + 1),
      }));
    };
    Object.defineProperty(out, ind.kode, { enumerable: true, get: () => (memo ??= compute()) });
  }
  return out;
}

function figuresOf(sums: Sums, key: Key, bulan: number, catalog: readonly Indikator[]): UnitFigures {
  const figures = catalog.map((ind) =>
    computeFigure(ind, {
      monthly: sums.monthly.get(key)?.get(ind.kode) ?? new Array(12).fill(0),
      sasaran: sums.sasaran.get(key)?.get(ind.kode) ?? null,
      bulan,
    }),
  );
  const spm = figures.filter((f, i) => catalog[i].spm);
  return { figures, indeks: indeksSpm(spm) };
}

/** Figures of every catalog indicator for a unit in the actor's scope, year and month. */
export async function unitFigures(actor: Actor, kode: string, tahun: number, bulan: number, opts: FigureOptions = {}): Promise<UnitFigures & { wilayah: WilayahNode }> {
  const wilayah = await getWilayah(actor, kode);
  const sums = await loadSums(wilayah, null, tahun, bulan, opts);
  return { wilayah, ...figuresOf(sums, "", bulan, INDIKATOR), series: seriesOf(sums, "", bulan, INDIKATOR) };
}

export interface ChildFigures extends UnitFigures {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  /** With `realisasiLalu`: each indicator's realisasi at the previous month (null in January). */
  realisasiLalu?: Map<string, number> | null;
}

/** The same figures for each child unit one level down (or every desa when `level` is "desa"). */
export async function childFigures(
  actor: Actor, kode: string, tahun: number, bulan: number, level?: Exclude<Tingkat, "nasional">, opts: { realisasiLalu?: boolean } = {},
): Promise<ChildFigures[]> {
  const wilayah = await getWilayah(actor, kode);
  const childLevel = level ?? CHILD_LEVEL[wilayah.tingkat];
  if (!childLevel) return [];
  const [sums, children] = await Promise.all([
    loadSums(wilayah, childLevel, tahun, bulan, {}),
    listUnits(wilayah, childLevel),
  ]);
  // The previous month's realisasi comes from the same monthly sums (months 1..bulan−1 of this query).
  const lalu = (k: string) =>
    bulan === 1 ? null : new Map(INDIKATOR.map((ind) => [ind.kode, realisasi(ind.jenis, sums.monthly.get(k)?.get(ind.kode) ?? new Array(12).fill(0), bulan - 1)]));
  return children.map((c) => ({
    ...c, tingkat: childLevel, ...figuresOf(sums, c.kode, bulan, INDIKATOR), ...(opts.realisasiLalu ? { realisasiLalu: lalu(c.kode) } : {}),
  }));
}

const UNIT_TABLE: Record<Exclude<Tingkat, "nasional">, string> = {
  provinsi: "provinsi",
  kabupaten: "kabupaten",
  kecamatan: "kecamatan",
  puskesmas: "puskesmas",
  desa: "desa",
};

/** Units of `level` inside a unit, ordered by code. */
async function listUnits(node: Pick<WilayahNode, "tingkat" | "kode">, level: Exclude<Tingkat, "nasional">): Promise<{ kode: string; nama: string }[]> {
  const db = await pool();
  if (node.tingkat === "nasional") {
    return (await db.query(`SELECT kode, nama FROM ${UNIT_TABLE[level]} ORDER BY kode`)).rows;
  }
  const column = level === "provinsi" ? "kode" : LEVEL_COLUMN[node.tingkat];
  return (await db.query(`SELECT kode, nama FROM ${UNIT_TABLE[level]} WHERE ${column} = $1 ORDER BY kode`, [node.kode])).rows;
}
