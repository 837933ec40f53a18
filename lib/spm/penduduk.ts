/** Population of a desa for a year, by age group (DOMAIN.md §5, CSV `kelompok` of §8). */
export type KelompokPenduduk =
  | "total"
  | "bayi"
  | "balita"
  | "usia_dikdas"
  | "usia_produktif"
  | "lansia"
  | "remaja"
  | "usia_15_plus";

/** In the order of the penduduk CSV contract (DOMAIN.md §8). */
export const KELOMPOK_PENDUDUK: readonly KelompokPenduduk[] = Object.freeze([
  "total",
  "bayi",
  "balita",
  "usia_dikdas",
  "usia_produktif",
  "lansia",
  "remaja",
  "usia_15_plus",
]);

/** Known groups only; a missing group is estimated from the total. Counts are whole numbers ≥ 0. */
export type Penduduk = Partial<Record<KelompokPenduduk, number>>;
