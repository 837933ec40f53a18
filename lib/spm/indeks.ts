/** Indeks SPM of a unit for (tahun, bulan) (DOMAIN.md §6). */
import { capaianRatio } from "./capaian";
import { div, HUNDRED, min, rational, sum, toNumber, type Rational } from "./rational";
import { roundHalfAwayFromZero } from "./rounding";

export interface IndeksSpm {
  /** Mean over the services with S > 0 of min(C, 100), as the nearest double; null when there is none. */
  indeks: number | null;
  /** The same, rounded to 2 decimals half away from zero from the exact mean. */
  indeksRounded: number | null;
  /** Services with S > 0, shown beside the index (of the 12 SPM services). */
  jumlahLayanan: number;
}

/**
 * Mean over the services with a sasaran of min(C, 100): a service above 100 % counts as 100, a service
 * without sasaran (null or 0) is left out of both sum and count. At bulan 12 this is the annual SPM
 * achievement. Callers pass one row per SPM service (normally the 12 of SPM_KODES).
 */
export function indeksSpm(layanan: readonly { realisasi: number; sasaran: number | null }[]): IndeksSpm {
  const capped: Rational[] = [];
  for (const l of layanan) {
    const c = capaianRatio(l.realisasi, l.sasaran);
    if (c !== null) capped.push(min(c, HUNDRED));
  }
  if (capped.length === 0) return { indeks: null, indeksRounded: null, jumlahLayanan: 0 };
  const mean = div(sum(capped), rational(capped.length));
  return { indeks: toNumber(mean), indeksRounded: roundHalfAwayFromZero(mean), jumlahLayanan: capped.length };
}
