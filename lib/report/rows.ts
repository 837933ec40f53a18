import { todayWib } from "@/lib/clock";
import { EKSPOR, periodeLaporan } from "@/lib/i18n/ekspor";
import { keadaanPeriode } from "@/lib/spm/kelengkapan";
import { TINGKAT_LABEL } from "@/lib/i18n/messages";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { aggregate, capaianRounded, targetLineRounded } from "@/lib/spm/capaian";
import { INDIKATOR, type Indikator } from "@/lib/spm/catalog";
import type { Figure } from "@/lib/spm/figure";
import { indeksSpm, type IndeksSpm } from "@/lib/spm/indeks";
import { kelasCapaian, type KelasCapaian } from "@/lib/spm/kelas";
import type { Tingkat } from "@/lib/wilayah/kode";
import type { SpmReport } from "./spm-report";

// The achievement report model shared by the report page and the XLSX, PDF and CSV exports: a unit, a
// period, a detail level and rows of figures per indicator, with a totals row aggregated Σ R / Σ S.
// Pure: it receives the figures computed by lib/spm and only rearranges and aggregates them; this is the
// export, so capaian and target are rounded here, once, from the exact values (lib/spm). Classes come
// from lib/spm (the figure's, or kelasCapaian for a totals row), never from the rounded numbers.

/** "anak": one level down; "desa": every desa of the unit (with the level in between as its own list). */
export type Detail = "anak" | "desa";
/** "spm": the 12 SPM services; "semua": every catalog indicator. */
export type IndikatorSet = "spm" | "semua";
export type UnitTingkat = Exclude<Tingkat, "nasional">;

export interface ReportCell {
  indikator: string;
  sasaran: number | null;
  realisasi: number;
  /** Rounded to 2 decimals (half away from zero); null when there is no sasaran. */
  capaian: number | null;
  /** TL(m), rounded; 0 for jumlah indicators. */
  target: number;
  /** The class lib/spm gave the figure (kelasCapaian for a totals row); never derived from the rounded numbers. */
  kelas: KelasCapaian;
  /** Some value was reported (a totals row: in any of its rows). */
  adaData: boolean;
}

export interface ReportRow {
  kode: string;
  nama: string;
  tingkat: Tingkat;
  /** One cell per indicator of the model, in the same order. */
  cells: ReportCell[];
  /** Indeks SPM, rounded; null when no SPM service has a sasaran. */
  indeks: number | null;
  jumlahLayanan: number;
}

export interface ReportLevel {
  tingkat: UnitTingkat;
  rows: ReportRow[];
  /** Σ R / Σ S over the rows of this level: equals the unit when the rows cover it. */
  total: ReportRow;
}

export interface SumberSasaran {
  /** Desa × indicator sasaran rows of the report year, by source. */
  ditetapkan: number;
  estimasi: number;
}

export interface ReportModel {
  wilayah: { kode: string; nama: string; tingkat: Tingkat };
  tahun: number;
  /** The month the figures are cumulated to (12 for a full year). */
  bulan: number;
  setahun: boolean;
  detail: Detail;
  indikatorSet: IndikatorSet;
  indikator: readonly Indikator[];
  unit: ReportRow;
  /** From one level down to the chosen detail; empty for a desa. The last one is the chosen detail. */
  levels: ReportLevel[];
  sumberSasaran: SumberSasaran | null;
  /** The last deadline day (of the next month) among the unit's kabupaten: until then the period's
   *  reports are still due (DOMAIN.md §6). */
  hariBatas: number;
  dibuat: Date;
}

export interface FigureSet {
  kode: string;
  nama: string;
  figures: readonly Figure[];
  indeks: IndeksSpm;
}

export interface ReportInput {
  wilayah: { kode: string; nama: string; tingkat: Tingkat };
  tahun: number;
  bulan: number;
  setahun: boolean;
  detail: Detail;
  indikatorSet: IndikatorSet;
  unit: Omit<FigureSet, "kode" | "nama">;
  levels: { tingkat: UnitTingkat; units: readonly FigureSet[] }[];
  sumberSasaran: SumberSasaran | null;
  hariBatas: number;
  dibuat: Date;
}

/** The status text of a service in the summary tables: the class's label (a count says it is one). */
export function statusLayanan(ind: Indikator, c: ReportCell): string {
  return ind.jenis === "jumlah" ? EKSPOR.jumlahTanpaSasaran : KELAS_TAMPILAN[c.kelas].label;
}

export function indikatorOf(set: IndikatorSet): readonly Indikator[] {
  return set === "spm" ? INDIKATOR.filter((i) => i.spm) : INDIKATOR;
}

function cellOf(ind: Indikator, f: Figure, bulan: number): ReportCell {
  return {
    indikator: f.indikator, sasaran: f.sasaran, realisasi: f.realisasi,
    capaian: capaianRounded(f.realisasi, f.sasaran), target: targetLineRounded(ind, bulan), kelas: f.kelas, adaData: f.adaData,
  };
}

function rowOf(indikator: readonly Indikator[], unit: FigureSet, tingkat: Tingkat, bulan: number): ReportRow {
  const byKode = new Map(unit.figures.map((f) => [f.indikator, f]));
  const cells = indikator.map((ind) => {
    const f = byKode.get(ind.kode);
    if (!f) throw new Error(`Angka ${ind.kode} tidak ada untuk ${unit.kode}`);
    return cellOf(ind, f, bulan);
  });
  return { kode: unit.kode, nama: unit.nama, tingkat, cells, indeks: unit.indeks.indeksRounded, jumlahLayanan: unit.indeks.jumlahLayanan };
}

/**
 * The totals row of a list built as its rows pass (an export written per kabupaten keeps no row): per
 * indicator Σ R / Σ S (lib/spm aggregate over the partial sums, exact integers), never a mean of percentages.
 */
export class TotalAccumulator {
  private readonly sums: { realisasi: number; sasaran: number | null; adaData: boolean }[];

  constructor(private readonly indikator: readonly Indikator[]) {
    this.sums = indikator.map(() => ({ realisasi: 0, sasaran: null, adaData: false }));
  }

  add(row: ReportRow): void {
    row.cells.forEach((c, i) => {
      const s = this.sums[i];
      const { realisasi, sasaran } = aggregate([s, c]);
      this.sums[i] = { realisasi, sasaran, adaData: s.adaData || c.adaData };
    });
  }

  row(bulan: number, label: { kode: string; nama: string; tingkat: Tingkat }): ReportRow {
    const cells = this.indikator.map((ind, i): ReportCell => {
      const { realisasi, sasaran, adaData } = this.sums[i];
      return {
        indikator: ind.kode,
        sasaran,
        realisasi,
        capaian: capaianRounded(realisasi, sasaran),
        target: targetLineRounded(ind, bulan),
        kelas: kelasCapaian(ind, { realisasi, sasaran, bulan, adaData }),
        adaData,
      };
    });
    // Both indicator sets hold the 12 SPM services, so the index is always over all of them.
    const indeks = indeksSpm(cells.filter((_, i) => this.indikator[i].spm));
    return { ...label, cells, indeks: indeks.indeksRounded, jumlahLayanan: indeks.jumlahLayanan };
  }
}

/** The totals row of a list: per indicator Σ R / Σ S (lib/spm aggregate), never a mean of percentages. */
export function totalRow(indikator: readonly Indikator[], rows: readonly ReportRow[], bulan: number, label: { kode: string; nama: string; tingkat: Tingkat }): ReportRow {
  const acc = new TotalAccumulator(indikator);
  for (const r of rows) acc.add(r);
  return acc.row(bulan, label);
}

/** The rows of a level made from its units' figures. */
export function levelRows(indikator: readonly Indikator[], units: readonly FigureSet[], tingkat: UnitTingkat, bulan: number): ReportRow[] {
  return units.map((u) => rowOf(indikator, u, tingkat, bulan));
}

/**
 * The chosen detail level of a large report (every desa of a provinsi or of the nation), produced in parts
 * (one kabupaten at a time) while the file is written, so that the whole list is never in memory. The rows
 * of the parts, in order, are the rows the level would have; its totals row comes from TotalAccumulator.
 */
export interface StreamedLevel {
  tingkat: UnitTingkat;
  parts: () => AsyncIterable<ReportRow[]>;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const indikator = indikatorOf(input.indikatorSet);
  const unit = rowOf(indikator, { kode: input.wilayah.kode, nama: input.wilayah.nama, ...input.unit }, input.wilayah.tingkat, input.bulan);
  const levels = input.levels.map((level): ReportLevel => {
    const rows = levelRows(indikator, level.units, level.tingkat, input.bulan);
    return { tingkat: level.tingkat, rows, total: totalRow(indikator, rows, input.bulan, input.wilayah) };
  });
  return {
    wilayah: input.wilayah,
    tahun: input.tahun,
    bulan: input.bulan,
    setahun: input.setahun,
    detail: input.detail,
    indikatorSet: input.indikatorSet,
    indikator,
    unit,
    levels,
    sumberSasaran: input.sumberSasaran,
    hariBatas: input.hariBatas,
    dibuat: input.dibuat,
  };
}

/** The rows at the chosen detail level (empty for a desa). */
export function detailRows(model: ReportModel): ReportRow[] {
  return model.levels.at(-1)?.rows ?? [];
}

/**
 * The model as SpmReport bodies (DOMAIN.md §8), the unit first, then each row at the chosen detail, for
 * spmReportCsv: the CSV export and `spm-report --format csv` keep one contract.
 */
export function toSpmReports(model: ReportModel): SpmReport[] {
  return [model.unit, ...detailRows(model)].map((r) => toSpmReport(model, r));
}

/** One row of the model as an SpmReport body. */
export function toSpmReport(model: ReportModel, r: ReportRow): SpmReport {
  return {
    wilayah: { kode: r.kode, nama: r.nama, tingkat: r.tingkat },
    tahun: model.tahun,
    bulan: model.bulan,
    layanan: r.cells.map((c, i) => ({ indikator: c.indikator, nama: model.indikator[i].nama, sasaran: c.sasaran, realisasi: c.realisasi, capaian: c.capaian, target: c.target })),
    indeks: r.indeks,
  };
}

/** `capaian-spm_36.04_2026-06.xlsx`; "nasional" for the empty code, the year alone for a full year. */
export function reportFilename(kode: string, tahun: number, bulan: number | null, ext: string, prefix = "capaian-spm"): string {
  const periode = bulan === null ? String(tahun) : `${tahun}-${String(bulan).padStart(2, "0")}`;
  return `${prefix}_${kode || "nasional"}_${periode}.${ext}`;
}

/** "Kabupaten Serang (Kabupaten/Kota 36.04)". */
export function wilayahLabel(w: ReportModel["wilayah"]): string {
  return `${w.nama} (${TINGKAT_LABEL[w.tingkat]}${w.kode ? ` ${w.kode}` : ""})`;
}

/** "Juni 2026 (kumulatif Januari–Juni)" or "Tahun 2026 (setahun penuh, …)", with a note when, the day the
 *  report was made (WIB), the period had not begun or ended, or its reports were still due. */
export function periodeLabel(model: Pick<ReportModel, "tahun" | "bulan" | "setahun" | "hariBatas" | "dibuat">): string {
  return periodeLaporan(model.tahun, model.bulan, model.setahun, keadaanPeriode(model.tahun, model.bulan, model.setahun, model.hariBatas, todayWib(model.dibuat)));
}
