/** The figure of one indicator for one unit and month: what pages, exports, the API and the CLI show. */
import { capaianRatio, realisasi as realisasiOf, targetLineRatio } from "./capaian";
import type { Indikator } from "./catalog";
import { assertBulan } from "./guards";
import { adaNilai, kelasCapaian, type KelasCapaian } from "./kelas";
import { statusOf, trenPws, type Pws } from "./pws";
import { compare, toNumber } from "./rational";

/**
 * Exact values (the nearest doubles of the exact rationals, never rounded: display and export round once,
 * with lib/spm/rounding) and the class. Nothing outside lib/spm classifies: read `kelas` and `pws`.
 */
export interface Figure {
  indikator: string;
  realisasi: number;
  sasaran: number | null;
  /** C = R / S × 100; null when there is no sasaran (and for every jumlah indicator). */
  capaian: number | null;
  /** TL(m): T × m / 12 for kumulatif, T for bulanan, 0 for jumlah. */
  target: number;
  kelas: KelasCapaian;
  /** Some value was reported in the months R is made of (false: belum lapor). */
  adaData: boolean;
  /** PWS status (kumulatif and bulanan indicators with a sasaran); null otherwise. */
  pws: Pws | null;
}

/**
 * `monthly` holds the unit's January..December values, already summed over its desa (null: nothing
 * reported that month); `sasaran` is the unit's summed sasaran (null when no desa has one). A jumlah
 * indicator has no sasaran: a given one is ignored and reported as null. For the PWS trend, v(m−1) of
 * January is 0.
 */
export function computeFigure(
  ind: Indikator,
  input: { monthly: readonly (number | null)[]; sasaran: number | null; bulan: number },
): Figure {
  const { monthly, bulan } = input;
  assertBulan(bulan);
  const sasaran = ind.jenis === "jumlah" ? null : input.sasaran;
  const r = realisasiOf(ind.jenis, monthly, bulan);
  const adaData = adaNilai(ind.jenis, monthly, bulan);
  // The same results as capaian(), targetLine() and statusPws() of ./capaian and ./pws, with the exact
  // capaian and target line computed once (a kabupaten page computes about a thousand figures).
  const c = capaianRatio(r, sasaran);
  const line = targetLineRatio(ind, bulan);
  const tren = trenPws(monthly[bulan - 1] ?? 0, bulan === 1 ? 0 : (monthly[bulan - 2] ?? 0));
  const measured = c !== null && ind.jenis !== "jumlah";
  const posisi = measured && compare(c, line) >= 0 ? "atas" : "bawah";
  return {
    indikator: ind.kode,
    realisasi: r,
    sasaran,
    capaian: c === null ? null : toNumber(c),
    target: toNumber(line),
    kelas: kelasCapaian(ind, { realisasi: r, sasaran, bulan, adaData }),
    adaData,
    pws: measured ? { posisi, tren, status: statusOf(posisi, tren) } : null,
  };
}
