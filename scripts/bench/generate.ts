import { monthlyValues } from "@/lib/db/demo-values";
import { seededRandom, stableUuid } from "@/lib/db/random";
import { INDIKATOR } from "@/lib/spm/catalog";
import type { KelompokPenduduk } from "@/lib/spm/penduduk";
import { estimateSasaran, PARAMETER_DEFAULT } from "@/lib/spm/sasaran";
import type { BasisSasaran } from "@/lib/spm/catalog";

// The national benchmark data set, generated deterministically: every draw comes from a PRNG seeded by
// the desa code (and month), so a desa gets the same data whether 300 or 83,762 desa are generated.

/** 24 months, November 2024 to October 2026 (fixed, so the data set does not depend on the day it is made). */
export const MONTHS: readonly { tahun: number; bulan: number }[] = Array.from({ length: 24 }, (_, i) => {
  const m = 2024 * 12 + 10 + i; // November 2024 = 2024 * 12 + 10 (0-based month)
  return { tahun: Math.floor(m / 12), bulan: (m % 12) + 1 };
});
export const YEARS = [...new Set(MONTHS.map((m) => m.tahun))];
export const LAST = MONTHS[MONTHS.length - 1];
/** Puskesmas wanted in total (about one per kecamatan plus a second or third one in the most populous). */
export const PUSKESMAS_TOTAL = 10_000;
export const POSYANDU_NAMA = ["Melati", "Mawar", "Anggrek", "Kenanga", "Dahlia", "Flamboyan", "Cempaka", "Seruni", "Teratai", "Bougenville"];

export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface DesaBase {
  kode: string;
  kecamatan_kode: string;
  kabupaten_kode: string;
  provinsi_kode: string;
}

export interface DesaGen extends DesaBase {
  puskesmas_kode: string;
  total: number;
}

/** Population total of a desa in the first year (800 to 12,000, skewed towards small desa). */
export function populasi(kode: string): number {
  const r = seededRandom(hash(`pop/${kode}`));
  return 800 + Math.floor(11_200 * r() * r());
}

/**
 * Extra puskesmas for the most populous kecamatan (a third one for the very largest) until the national
 * total is reached; the desa of such a kecamatan are split in code order between its puskesmas.
 */
export interface PuskesmasGen {
  kode: string;
  nomor: number;
  kecamatan_kode: string;
  kabupaten_kode: string;
  provinsi_kode: string;
}

export function planPuskesmas(desa: readonly DesaBase[]): { puskesmas: PuskesmasGen[]; desa: DesaGen[] } {
  const byKec = new Map<string, DesaBase[]>();
  for (const d of desa) {
    if (!byKec.has(d.kecamatan_kode)) byKec.set(d.kecamatan_kode, []);
    byKec.get(d.kecamatan_kode)!.push(d);
  }
  const kec = [...byKec.entries()]
    .map(([kode, ds]) => ({ kode, ds: [...ds].sort((a, b) => a.kode.localeCompare(b.kode)), pop: ds.reduce((s, d) => s + populasi(d.kode), 0) }))
    .sort((a, b) => b.pop - a.pop || a.kode.localeCompare(b.kode));
  let extra = Math.max(0, PUSKESMAS_TOTAL - kec.length);
  const third = Math.floor(extra / 7); // the largest kecamatan get a third puskesmas, the next ones a second
  const puskesmas: PuskesmasGen[] = [];
  const out: DesaGen[] = [];
  kec.forEach((k, rank) => {
    const add = extra === 0 ? 0 : rank < third && k.ds.length >= 6 && extra > 1 ? 2 : k.ds.length >= 2 ? 1 : 0;
    extra -= add;
    const n = 1 + add;
    const d0 = k.ds[0];
    for (let nomor = 2; nomor <= n; nomor++) {
      puskesmas.push({ kode: puskesmasKode(k.kode, nomor), nomor, kecamatan_kode: k.kode, kabupaten_kode: d0.kabupaten_kode, provinsi_kode: d0.provinsi_kode });
    }
    k.ds.forEach((d, i) => out.push({ ...d, puskesmas_kode: puskesmasKode(k.kode, 1 + Math.floor((i * n) / k.ds.length)), total: populasi(d.kode) }));
  });
  out.sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
  return { puskesmas, desa: out };
}

export function puskesmasKode(kecamatanKode: string, nomor: number): string {
  return `P${kecamatanKode.replace(/\./g, "")}${String(nomor).padStart(2, "0")}`;
}

export function posyanduRows(d: DesaBase): string[][] {
  const r = seededRandom(hash(`posyandu/${d.kode}`));
  const n = 2 + Math.floor(r() * 3.2);
  return Array.from({ length: n }, (_, i) => [`PY${d.kode.replace(/\./g, "")}${i + 1}`, `Posyandu ${POSYANDU_NAMA[Math.floor(r() * 10)]} ${i + 1}`, d.kode]);
}

/** Population by group of a desa for a year (70 % of desa know their age groups). */
export function penduduk(d: DesaGen, tahun: number): Partial<Record<KelompokPenduduk, number>> {
  const r = seededRandom(hash(`penduduk/${d.kode}/${tahun}`));
  const total = Math.round(d.total * (1 + 0.012 * (tahun - YEARS[0])));
  if (seededRandom(hash(`groups/${d.kode}`))() >= 0.7) return { total };
  const share = (s: number) => Math.round(total * s * (0.9 + r() * 0.2));
  return { total, bayi: share(0.0165), balita: share(0.085), usia_dikdas: share(0.16), usia_produktif: share(0.66), lansia: share(0.11), remaja: share(0.16), usia_15_plus: share(0.73) };
}

export function sasaranOf(d: DesaGen, tahun: number): Record<BasisSasaran, number> {
  return estimateSasaran(penduduk(d, tahun), PARAMETER_DEFAULT);
}

export type Status = "DRAFT" | "DIKIRIM" | "DIVERIFIKASI" | "DIKEMBALIKAN";

export interface LaporanGen {
  id: string;
  status: Status;
  dikirimAt: string | null;
  terlambat: boolean;
  updatedAt: string;
  rand: () => number;
}

/** A desa's report of one month, or null (not reported). 2 % of desa never report. */
export function laporanOf(d: DesaBase, tahun: number, bulan: number): LaporanGen | null {
  if (seededRandom(hash(`aktif/${d.kode}`))() < 0.02) return null;
  const rand = seededRandom(hash(`lap/${d.kode}/${tahun}/${bulan}`));
  const isLast = tahun === LAST.tahun && bulan === LAST.bulan;
  const r = rand();
  if (r < (isLast ? 0.1 : 0.04)) return null;
  const status: Status = isLast ? (r < 0.35 ? "DRAFT" : "DIKIRIM") : r < 0.07 ? "DIKEMBALIKAN" : r < 0.2 ? "DIKIRIM" : "DIVERIFIKASI";
  const next = bulan === 12 ? { t: tahun + 1, b: 1 } : { t: tahun, b: bulan + 1 };
  const hari = 1 + Math.floor(rand() * 16);
  const dikirimAt = status === "DRAFT" ? null : new Date(Date.UTC(next.t, next.b - 1, hari, 8)).toISOString();
  return {
    id: stableUuid(`${d.kode}/${tahun}/${bulan}`),
    status,
    dikirimAt,
    terlambat: dikirimAt !== null && hari > 10,
    updatedAt: dikirimAt ?? new Date(Date.UTC(tahun, bulan - 1, 28)).toISOString(),
    rand,
  };
}

/** The desa's performance factor (0.65 to 1.3), fixed over the months. */
export function performa(kode: string): number {
  return 0.65 + seededRandom(hash(`performa/${kode}`))() * 0.65;
}

/** Values of every catalog indicator for a report (continues the report's PRNG). */
export function valuesOf(lap: LaporanGen, sasaran: Record<BasisSasaran, number>, perf: number): Map<string, number> {
  return monthlyValues(INDIKATOR, sasaran, perf * (0.85 + lap.rand() * 0.3), lap.rand);
}
