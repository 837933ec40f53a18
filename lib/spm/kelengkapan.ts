/**
 * Kelengkapan (completeness) and ketepatan (timeliness) of monthly reports (DOMAIN.md §6):
 * reports submitted (by the deadline) / reports expected, expected = desa × months elapsed.
 *
 * One word per idea: a report is `terlambat` (late: submitted after its deadline; the stored column
 * laporan.terlambat) or `tepat` (on time: not terlambat; the count column rekap_laporan.tepat);
 * `ketepatan` is the rate tepat / expected. The UI says "terlambat" and "ketepatan".
 */
import { assertBulan, assertCount, assertTahun } from "./guards";
import { comparePeriode, daysInMonth, nextBulan, type Bulan, type Tanggal } from "./periode";
import { rational, toNumber } from "./rational";

export const HARI_BATAS_DEFAULT = 10;

/** The report statuses that count (DOMAIN.md §7): submitted and verified; DRAFT and DIKEMBALIKAN do not. */
export const STATUS_DIHITUNG = ["DIKIRIM", "DIVERIFIKASI"] as const;

/** Whether a report with this status counts in figures and completeness (null: no report). */
export function laporanDihitung(status: string | null | undefined): boolean {
  return (STATUS_DIHITUNG as readonly (string | null | undefined)[]).includes(status);
}

/** Reports that count among the statuses of one month's reports (the numerator of kelengkapan). */
export function jumlahLaporanMasuk(statuses: readonly (string | null | undefined)[]): number {
  return statuses.filter(laporanDihitung).length;
}

function percent(part: number, whole: number, partName: string): number | null {
  assertCount(part, partName);
  assertCount(whole, "expected");
  return whole === 0 ? null : toNumber(rational(BigInt(part) * 100n, BigInt(whole)));
}

/** submitted / expected × 100; null when nothing is expected yet. Not capped: above 100 shows a data error. */
export function kelengkapan(submitted: number, expected: number): number | null {
  return percent(submitted, expected, "submitted");
}

/** tepat / expected × 100 (reports on time); null when nothing is expected yet. */
export function ketepatan(tepat: number, expected: number): number | null {
  return percent(tepat, expected, "tepat");
}

/**
 * Report months expected per desa in `tahun` from January up to and including `bulan`, counting only
 * months that ended before `today`'s month: with today in July 2025, (2025, 12) → 6, (2025, 3) → 3,
 * any month of 2024 → its number, any month of 2026 → 0. A month is expected once it has ended, even
 * before its deadline (the 10th of the next month).
 */
export function monthsElapsed(tahun: number, bulan: number, today: Bulan): number {
  assertTahun(tahun);
  assertBulan(bulan);
  assertTahun(today.tahun, "today.tahun");
  assertBulan(today.bulan, "today.bulan");
  if (tahun < today.tahun) return bulan;
  if (tahun > today.tahun) return 0;
  return Math.min(bulan, today.bulan - 1);
}

/**
 * The deadline of the report for (tahun, bulan): day `hariBatas` (default 10) of the next month;
 * December → January of the next year. A hariBatas past the end of that month (31 in February) falls on
 * its last day.
 */
export function deadlineOf(tahun: number, bulan: number, hariBatas = HARI_BATAS_DEFAULT): Tanggal {
  if (!Number.isInteger(hariBatas) || hariBatas < 1 || hariBatas > 31) {
    throw new RangeError(`hariBatas must be a day 1..31, got ${hariBatas}`);
  }
  const next = nextBulan(tahun, bulan);
  return { ...next, hari: Math.min(hariBatas, daysInMonth(next.tahun, next.bulan)) };
}

/** Where a report period stands on a day: its year not begun; its month not begun (a later month of the
 *  running year, as the dashboards say; the months before it have data); running (not ended); ended with
 *  its reports still due (up to the deadline day itself, which is still on time); or past that deadline. */
export type KeadaanPeriode = "belum-berjalan" | "bulan-belum-berjalan" | "berjalan" | "menunggu-laporan" | "lewat-batas";

export function keadaanPeriode(tahun: number, bulan: number, setahun: boolean, hariBatas: number, hari: Tanggal): { keadaan: KeadaanPeriode; batas: Tanggal } {
  const akhir = setahun ? 12 : bulan;
  const batas = deadlineOf(tahun, akhir, hariBatas);
  if (tahun > hari.tahun) return { keadaan: "belum-berjalan", batas };
  const bulanIni = { tahun: hari.tahun, bulan: hari.bulan };
  if (!setahun && comparePeriode({ tahun, bulan }, bulanIni) > 0) return { keadaan: "bulan-belum-berjalan", batas };
  if (comparePeriode({ tahun, bulan: akhir }, bulanIni) >= 0) return { keadaan: "berjalan", batas };
  return { keadaan: comparePeriode(hari, batas) <= 0 ? "menunggu-laporan" : "lewat-batas", batas };
}

/**
 * Terlambat: submitted after the deadline day (the deadline day itself and early submissions are tepat).
 * The caller converts the submission instant to a local date (lib/clock.ts todayWib) first.
 */
export function terlambat(submittedAt: Tanggal, tahun: number, bulan: number, hariBatas = HARI_BATAS_DEFAULT): boolean {
  return !tepatWaktu(submittedAt, tahun, bulan, hariBatas);
}

function tepatWaktu(submittedAt: Tanggal, tahun: number, bulan: number, hariBatas = HARI_BATAS_DEFAULT): boolean {
  assertTahun(submittedAt.tahun, "submittedAt.tahun");
  assertBulan(submittedAt.bulan, "submittedAt.bulan");
  const hari = submittedAt.hari;
  if (!Number.isInteger(hari) || hari < 1 || hari > daysInMonth(submittedAt.tahun, submittedAt.bulan)) {
    throw new RangeError(`submittedAt.hari is not a day of its month: ${hari}`);
  }
  return comparePeriode(submittedAt, deadlineOf(tahun, bulan, hariBatas)) <= 0;
}
