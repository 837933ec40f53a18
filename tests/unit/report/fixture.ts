import { INDIKATOR } from "@/lib/spm/catalog";
import { computeFigure } from "@/lib/spm/figure";
import { indeksSpm } from "@/lib/spm/indeks";
import { buildReportModel, type Detail, type FigureSet, type IndikatorSet, type ReportModel } from "@/lib/report/rows";

// A small hand-made report: puskesmas P1 with desa A and B, June 2026. Every indicator gets the monthly
// values and sasaran given (default: nothing reported, no sasaran).

export type Data = Record<string, { monthly: number[]; sasaran: number | null }>;

export function figureSet(kode: string, nama: string, data: Data, bulan: number): FigureSet {
  const figures = INDIKATOR.map((ind) => computeFigure(ind, { monthly: data[ind.kode]?.monthly ?? [], sasaran: data[ind.kode]?.sasaran ?? null, bulan }));
  return { kode, nama, figures, indeks: indeksSpm(figures.filter((_, i) => INDIKATOR[i].spm)) };
}

/** Sums two desa's data the way PostgreSQL does for the puskesmas (monthly values and sasaran added). */
export function sumData(...parts: Data[]): Data {
  const out: Data = {};
  for (const p of parts) {
    for (const [k, v] of Object.entries(p)) {
      const o = out[k] ?? { monthly: new Array(12).fill(0), sasaran: null };
      out[k] = { monthly: o.monthly.map((x, i) => x + (v.monthly[i] ?? 0)), sasaran: v.sasaran === null ? o.sasaran : (o.sasaran ?? 0) + v.sasaran };
    }
  }
  return out;
}

export const DESA_A: Data = {
  "SPM-01": { monthly: [10, 20], sasaran: 100 }, // 30 %
  "SPM-02": { monthly: [3], sasaran: 0 }, // no sasaran
  "SPM-07": { monthly: [30, 30], sasaran: 40 }, // 150 %
  "PM-DBD": { monthly: [1, 2], sasaran: null },
};
export const DESA_B: Data = {
  "SPM-01": { monthly: [5], sasaran: 50 }, // 10 %
  "SPM-07": { monthly: [10], sasaran: 60 },
  "PM-DBD": { monthly: [0, 4], sasaran: null },
};

export function model(opts: { bulan?: number; set?: IndikatorSet; detail?: Detail } = {}): ReportModel {
  const bulan = opts.bulan ?? 6;
  const unit = figureSet("P36043001", "Puskesmas Anyar", sumData(DESA_A, DESA_B), bulan);
  return buildReportModel({
    wilayah: { kode: "P36043001", nama: "Puskesmas Anyar", tingkat: "puskesmas" },
    tahun: 2026,
    bulan,
    setahun: opts.bulan === 12,
    detail: opts.detail ?? "anak",
    indikatorSet: opts.set ?? "spm",
    unit,
    levels: [{ tingkat: "desa", units: [figureSet("36.04.30.2001", "Anyar", DESA_A, bulan), figureSet("36.04.30.2002", "Sindangkarya, \"Kulon\"", DESA_B, bulan)] }],
    sumberSasaran: { ditetapkan: 5, estimasi: 19 },
    hariBatas: 10,
    dibuat: new Date("2026-07-15T03:00:00Z"),
  });
}
