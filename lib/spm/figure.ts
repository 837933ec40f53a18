/** The figure of one indicator for one unit and month: what pages, exports, the API and the CLI show. */
import {
  capaian,
  capaianRounded,
  melebihiSasaran,
  onTrack,
  realisasi as realisasiOf,
  targetLine,
  targetLineRounded,
} from "./capaian";
import type { Indikator } from "./catalog";
import { assertBulan } from "./guards";
import { statusPws } from "./pws";

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
  pws: ReturnType<typeof statusPws>;
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
  return {
    indikator: ind.kode,
    realisasi: r,
    sasaran,
    capaian: capaian(r, sasaran),
    capaianRounded: capaianRounded(r, sasaran),
    target: targetLine(ind, bulan),
    targetRounded: targetLineRounded(ind, bulan),
    onTrack: onTrack(ind, r, sasaran, bulan),
    melebihi: melebihiSasaran(r, sasaran),
    pws: statusPws({
      jenis: ind.jenis,
      target: ind.target,
      bulan,
      realisasi: r,
      sasaran,
      nilaiBulanIni: monthly[bulan - 1] ?? 0,
      nilaiBulanLalu: bulan === 1 ? 0 : (monthly[bulan - 2] ?? 0),
    }),
  };
}
