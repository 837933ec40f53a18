/** Report periods: a month is (tahun, bulan), a day (tahun, bulan, hari). No clock: callers pass "today". */
import { assertBulan, assertTahun } from "./guards";

export interface Bulan {
  tahun: number;
  bulan: number;
}

export interface Tanggal extends Bulan {
  hari: number;
}

export function isLeapYear(tahun: number): boolean {
  return (tahun % 4 === 0 && tahun % 100 !== 0) || tahun % 400 === 0;
}

export function daysInMonth(tahun: number, bulan: number): number {
  assertTahun(tahun);
  assertBulan(bulan);
  if (bulan === 2) return isLeapYear(tahun) ? 29 : 28;
  return [4, 6, 9, 11].includes(bulan) ? 30 : 31;
}

/** The month after (tahun, bulan); December rolls over to January of the next year. */
export function nextBulan(tahun: number, bulan: number): Bulan {
  assertTahun(tahun);
  assertBulan(bulan);
  return bulan === 12 ? { tahun: tahun + 1, bulan: 1 } : { tahun, bulan: bulan + 1 };
}

/** The last full month before `today`: the month before; January rolls back to December of last year. */
export function lastFullMonth(today: Bulan): Bulan {
  assertTahun(today.tahun, "today.tahun");
  assertBulan(today.bulan, "today.bulan");
  return today.bulan === 1 ? { tahun: today.tahun - 1, bulan: 12 } : { tahun: today.tahun, bulan: today.bulan - 1 };
}

/** Negative, 0 or positive as a is before, the same as or after b (a missing hari counts as day 0: a
 *  month without a day comes before every day of that month). */
export function comparePeriode(a: Bulan & { hari?: number }, b: Bulan & { hari?: number }): number {
  return a.tahun - b.tahun || a.bulan - b.bulan || (a.hari ?? 0) - (b.hari ?? 0);
}
