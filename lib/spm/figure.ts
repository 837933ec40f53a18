/** The figure of one indicator for one unit and month: what pages, exports, the API and the CLI show. */
import { capaianRatio, realisasi as realisasiOf, targetLineRatio } from "./capaian";
import type { Indikator } from "./catalog";
import { assertBulan } from "./guards";
import { statusOf, trenPws, type Pws } from "./pws";
import { compare, HUNDRED, toNumber } from "./rational";
import { roundHalfAwayFromZero } from "./rounding";

export interface Figure {
  indikator: string;
  realisasi: number;
  sasaran: number | null;
  /** Unrounded; null when there is no sasaran. */
  capaian: number | null;
  capaianRounded: number | null;
  /** TL(m). */
  target: number;
  targetRounded: number;
  onTrack: boolean | null;
  melebihi: boolean;
  pws: Pws | null;
}

/**
 * `monthly` holds the unit's January..December values, already summed over its desa; `sasaran` is the
 * unit's summed sasaran (null when no desa has one). A jumlah indicator has no sasaran: a given one is
 * ignored and reported as null. For the PWS trend, v(m−1) of January is 0.
 */
export function computeFigure(
  ind: Indikator,
  input: { monthly: readonly (number | null)[]; sasaran: number | null; bulan: number },
): Figure {
  const { monthly, bulan } = input;
  assertBulan(bulan);
  const sasaran = ind.jenis === "jumlah" ? null : input.sasaran;
  const r = realisasiOf(ind.jenis, monthly, bulan);
  // The same results as capaian(), capaianRounded(), targetLine(), onTrack(), melebihiSasaran() and
  // statusPws() of ./capaian and ./pws, with the exact capaian and target line computed once (a kabupaten
  // page computes about a thousand figures).
  const c = capaianRatio(r, sasaran);
  const line = targetLineRatio(ind, bulan);
  const tren = trenPws(monthly[bulan - 1] ?? 0, bulan === 1 ? 0 : (monthly[bulan - 2] ?? 0));
  const measured = c !== null && ind.jenis !== "jumlah";
  const atas = measured && compare(c, line) >= 0;
  return {
    indikator: ind.kode,
    realisasi: r,
    sasaran,
    capaian: c === null ? null : toNumber(c),
    capaianRounded: c === null ? null : roundHalfAwayFromZero(c),
    target: toNumber(line),
    targetRounded: roundHalfAwayFromZero(line),
    onTrack: measured ? (ind.arah === "turun" ? compare(c, line) <= 0 : atas) : null,
    melebihi: c !== null && compare(c, HUNDRED) > 0,
    pws: measured ? { posisi: atas ? "atas" : "bawah", tren, status: statusOf(atas ? "atas" : "bawah", tren) } : null,
  };
}
