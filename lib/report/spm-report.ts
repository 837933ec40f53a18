import { capaianRounded, targetLineRounded } from "@/lib/spm/capaian";
import { INDIKATOR, SPM_KODES } from "@/lib/spm/catalog";
import type { Figure } from "@/lib/spm/figure";
import type { IndeksSpm } from "@/lib/spm/indeks";
import type { Tingkat } from "@/lib/wilayah/kode";
import { csvRow } from "./csv-field";

// The SPM report body of DOMAIN.md section 8: CLI `spm-report --format json` and GET /api/v1/spm share it.

export interface SpmReport {
  wilayah: { kode: string; nama: string; tingkat: Tingkat };
  tahun: number;
  bulan: number;
  layanan: { indikator: string; nama: string; sasaran: number | null; realisasi: number; capaian: number | null; target: number }[];
  indeks: number | null;
}

export function buildSpmReport(
  wilayah: { kode: string; nama: string; tingkat: Tingkat },
  tahun: number,
  bulan: number,
  unit: { figures: Figure[]; indeks: IndeksSpm },
): SpmReport {
  const byKode = new Map(unit.figures.map((f) => [f.indikator, f]));
  const ind = new Map(INDIKATOR.map((i) => [i.kode, i]));
  const nama = new Map(INDIKATOR.map((i) => [i.kode, i.nama]));
  return {
    wilayah: { kode: wilayah.kode, nama: wilayah.nama, tingkat: wilayah.tingkat },
    tahun,
    bulan,
    layanan: SPM_KODES.map((kode) => {
      const f = byKode.get(kode);
      if (!f) throw new Error(`Angka ${kode} tidak ada`);
      // Rounded here, once, from the exact values (DOMAIN.md §8: 2 decimals, half away from zero).
      return { indikator: kode, nama: nama.get(kode) ?? kode, sasaran: f.sasaran, realisasi: f.realisasi, capaian: capaianRounded(f.realisasi, f.sasaran), target: targetLineRounded(ind.get(kode)!, bulan) };
    }),
    indeks: unit.indeks.indeksRounded,
  };
}

export const SPM_CSV_HEADER = ["kode_wilayah", "nama_wilayah", "indikator", "sasaran", "realisasi", "capaian", "target"] as const;

/** CSV rows (header first) of one or more reports; numbers with a dot decimal separator, empty for null. */
export function spmReportCsv(reports: readonly SpmReport[], bom = false): string {
  return (bom ? "\uFEFF" : "") + csvRow(SPM_CSV_HEADER) + "\r\n" + spmReportCsvLines(reports);
}

/** The rows of spmReportCsv without its header, each ending in CRLF (a CSV written in parts appends them). */
export function spmReportCsvLines(reports: readonly SpmReport[]): string {
  let out = "";
  for (const r of reports) {
    for (const l of r.layanan) out += csvRow([r.wilayah.kode, r.wilayah.nama, l.indikator, l.sasaran, l.realisasi, l.capaian, l.target]) + "\r\n";
  }
  return out;
}
