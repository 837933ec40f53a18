/** lib/spm: the pure SPM/PWS arithmetic and the indicator catalog. No I/O, no clock. */
export * from "./catalog";
export * from "./penduduk";
export * from "./parameter";
export * from "./sasaran";
// Rational helpers under one namespace, so generic names (min, sum, compare) do not leak.
export type { Rational } from "./rational";
export * as rationals from "./rational";
export * from "./rounding";
export * from "./capaian";
export * from "./indeks";
export * from "./pws";
export * from "./periode";
export * from "./kelengkapan";
export * from "./kelas";
export * from "./figure";
