/**
 * The class of a figure: the one place Pantau judges a capaian (DOMAIN.md §6). Pages, the heatmap, the
 * exports, the preview table and the form hint only look the class up in lib/i18n/kelas.ts for its label
 * and colour; none compares numbers itself, and no class is ever decided on rounded numbers.
 */
import { melebihiSasaran, onTrack } from "./capaian";
import type { Indikator, Jenis } from "./catalog";
import { assertBulan } from "./guards";

/**
 * - `tercapai`: on track, C ≥ TL(m) exactly (C ≤ TL(m) for a "lower is better" indicator), C ≤ 100 %;
 * - `di-bawah`: behind the target line;
 * - `melebihi`: C > 100 %: shown, and flagged "melebihi sasaran — periksa sasaran" (before on track);
 * - `tanpa-sasaran`: S null or 0, and every `jumlah` indicator (a count has no sasaran nor target line);
 * - `tanpa-data`: a sasaran but not one value reported in the months R is made of.
 * There is no "near the target" band: a class is a fact about the exact figure, not a shade of it.
 */
export const KELAS_CAPAIAN = ["tercapai", "di-bawah", "melebihi", "tanpa-sasaran", "tanpa-data"] as const;
export type KelasCapaian = (typeof KELAS_CAPAIAN)[number];

/**
 * Whether any value was reported in the months that make R of month `bulan`: January..bulan for
 * kumulatif and jumlah, the month itself for bulanan. null or missing = not reported (belum lapor).
 */
export function adaNilai(jenis: Jenis, monthly: readonly (number | null | undefined)[], bulan: number): boolean {
  assertBulan(bulan);
  if (jenis === "bulanan") return monthly[bulan - 1] != null;
  for (let i = 0; i < bulan; i++) if (monthly[i] != null) return true;
  return false;
}

/**
 * The class of R against S for month `bulan`. `adaData`: some value was reported (see adaNilai); a
 * figure with a sasaran and no data is `tanpa-data`, not `di-bawah` at 0 %.
 */
export function kelasCapaian(
  ind: Pick<Indikator, "jenis" | "target" | "arah">,
  figure: { realisasi: number; sasaran: number | null; bulan: number; adaData: boolean },
): KelasCapaian {
  // The exact tests of ./capaian (C > 100 %, C against TL(m)): the class only orders them.
  const track = onTrack(ind, figure.realisasi, figure.sasaran, figure.bulan);
  if (track === null) return "tanpa-sasaran"; // S null or 0, or a jumlah indicator
  if (!figure.adaData) return "tanpa-data";
  if (melebihiSasaran(figure.realisasi, figure.sasaran)) return "melebihi";
  return track ? "tercapai" : "di-bawah";
}
