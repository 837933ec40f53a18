import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import { INDIKATOR, type Indikator } from "@/lib/spm/catalog";
import { capaian, realisasi, targetLine } from "@/lib/spm/capaian";
import { computeFigure, type Figure } from "@/lib/spm/figure";
import { indeksSpm, type IndeksSpm } from "@/lib/spm/indeks";
import { spanSync } from "@/lib/timing";
import type { Tingkat } from "@/lib/wilayah/kode";
import { LEVEL_COLUMN } from "./level-column";
import { nilaiSumsQuery, sasaranSumsQuery } from "./sums-sql";
import { getWilayah, type WilayahNode } from "./wilayah";

// Figures of every indicator for a unit (and per child unit), aggregated in PostgreSQL (from the rollups
// where they answer, else one GROUP BY over the fact tables' denormalised wilayah columns: see
// ./sums-sql.ts), then computed by lib/spm (the one arithmetic). Numbers leave here raw (exact values as
// doubles, never rounded) with lib/spm's class: pages round once when they format, exports in lib/report.


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
  /** Only these indicators (an export of the 12 SPM services reads and computes no other). Default: all. */
  indikator?: readonly Indikator[];
}

export interface SeriesPoint {
  bulan: number;
  /** Unrounded C of months 1..bulan; null without sasaran. */
  capaian: number | null;
  /** Unrounded TL(m). */
  target: number;
}

export interface UnitFigures {
  figures: Figure[];
  indeks: IndeksSpm;
  /** Per indicator: capaian and target line for months 1..bulan (the PWS picture). */
  series?: Record<string, SeriesPoint[]>;
}

type Key = string;
/** A unit and indicator without a single value: every month unreported. */
const NOTHING: readonly null[] = Object.freeze(new Array<null>(12).fill(null));
interface Sums {
  sasaran: Map<Key, Map<string, number>>;
  /** January..December sums; null: nothing reported that month (kept: it makes a figure "tanpa-data"). */
  monthly: Map<Key, Map<string, (number | null)[]>>;
}

type SumRow = { k: string; i: string; s: string };
/** One row per unit and indicator: m1..m<bulan> are the monthly sums (null: no value that month). */
type MonthRow = { k: string; i: string } & Record<`m${number}`, string | null>;

/** The indicator codes to read: null for the whole catalog (no filter). */
function codesOf(opts: FigureOptions): string[] | null {
  return opts.indikator && opts.indikator.length < INDIKATOR.length ? opts.indikator.map((i) => i.kode) : null;
}

async function loadSums(node: WilayahNode, groupLevel: Exclude<Tingkat, "nasional"> | null, tahun: number, bulan: number, opts: FigureOptions): Promise<Sums> {
  const db = await pool();
  const indikator = codesOf(opts);
  const [s, v] = await Promise.all([
    db.query<SumRow>(...sasaranSumsQuery(node, groupLevel, tahun, bulan, { indikator })),
    db.query<MonthRow>(...nilaiSumsQuery(node, groupLevel, tahun, bulan, { indikator })),
  ]);
  const sums: Sums = { sasaran: new Map(), monthly: new Map() };
  for (const r of s.rows) {
    if (!sums.sasaran.has(r.k)) sums.sasaran.set(r.k, new Map());
    sums.sasaran.get(r.k)!.set(r.i, Number(r.s));
  }
  for (const r of v.rows) {
    if (!sums.monthly.has(r.k)) sums.monthly.set(r.k, new Map());
    const months = new Array<number | null>(12).fill(null);
    for (let j = 0; j < bulan; j++) {
      const m = r[`m${j + 1}`];
      months[j] = m == null ? null : Number(m);
    }
    sums.monthly.get(r.k)!.set(r.i, months);
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
      const monthly = sums.monthly.get(key)?.get(ind.kode) ?? NOTHING;
      // As computeFigure does: a jumlah indicator has no sasaran.
      const sasaran = ind.jenis === "jumlah" ? null : (sums.sasaran.get(key)?.get(ind.kode) ?? null);
      return Array.from({ length: bulan }, (_, i) => ({
        bulan: i + 1,
        capaian: capaian(realisasi(ind.jenis, monthly, i + 1), sasaran),
        target: targetLine(ind, i + 1),
      }));
    };
    Object.defineProperty(out, ind.kode, { enumerable: true, get: () => (memo ??= compute()) });
  }
  return out;
}

function figuresOf(sums: Sums, key: Key, bulan: number, catalog: readonly Indikator[]): UnitFigures {
  return spanSync("compute", () => computeFigures(sums, key, bulan, catalog));
}

function computeFigures(sums: Sums, key: Key, bulan: number, catalog: readonly Indikator[]): UnitFigures {
  const figures = catalog.map((ind) =>
    computeFigure(ind, {
      monthly: sums.monthly.get(key)?.get(ind.kode) ?? NOTHING,
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
  const catalog = opts.indikator ?? INDIKATOR;
  return { wilayah, ...figuresOf(sums, "", bulan, catalog), series: seriesOf(sums, "", bulan, catalog) };
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
  actor: Actor, kode: string, tahun: number, bulan: number, level?: Exclude<Tingkat, "nasional">, opts: { realisasiLalu?: boolean; indikator?: readonly Indikator[] } = {},
): Promise<ChildFigures[]> {
  const wilayah = await getWilayah(actor, kode);
  const childLevel = level ?? CHILD_LEVEL[wilayah.tingkat];
  if (!childLevel) return [];
  const [sums, children] = await Promise.all([
    loadSums(wilayah, childLevel, tahun, bulan, { indikator: opts.indikator }),
    listUnits(wilayah, childLevel),
  ]);
  const catalog = opts.indikator ?? INDIKATOR;
  // The previous month's realisasi comes from the same monthly sums (months 1..bulan−1 of this query).
  const lalu = (k: string) =>
    bulan === 1 ? null : new Map(catalog.map((ind) => [ind.kode, realisasi(ind.jenis, sums.monthly.get(k)?.get(ind.kode) ?? NOTHING, bulan - 1)]));
  return children.map((c) => ({
    ...c, tingkat: childLevel, ...figuresOf(sums, c.kode, bulan, catalog), ...(opts.realisasiLalu ? { realisasiLalu: lalu(c.kode) } : {}),
  }));
}

/** The units of `level` inside a unit in the actor's scope, ordered by code (names only, no figures). */
export async function childUnits(actor: Actor, kode: string, level: Exclude<Tingkat, "nasional">): Promise<{ kode: string; nama: string }[]> {
  return listUnits(await getWilayah(actor, kode), level);
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
