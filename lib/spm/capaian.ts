/**
 * Realisasi, capaian, target line and aggregates (DOMAIN.md §6). Everything is computed exactly on
 * integers and rationals; floats are produced only as the final value, and rounding to 2 decimals is
 * done from the exact rational.
 */
import type { Indikator, Jenis } from "./catalog";
import { assertBulan, assertCount, assertNonNegative } from "./guards";
import { compare, fromNumber, HUNDRED, mul, rational, toNumber, type Rational } from "./rational";
import { roundHalfAwayFromZero } from "./rounding";

export { roundHalfAwayFromZero } from "./rounding";

/**
 * R for month `bulan`: kumulatif and jumlah sum January..bulan, bulanan takes the value of `bulan`.
 * `monthly[0]` is January; null or missing months count as 0 (the month is "belum lapor").
 */
export function realisasi(jenis: Jenis, monthly: readonly (number | null)[], bulan: number): number {
  assertBulan(bulan);
  if (monthly.length > 12) throw new RangeError(`monthly has ${monthly.length} values, at most 12`);
  const value = (i: number): number => {
    const v = monthly[i] ?? 0;
    assertCount(v, `monthly[${i}]`);
    return v;
  };
  if (jenis === "bulanan") return value(bulan - 1);
  let total = 0;
  for (let i = 0; i < bulan; i++) total += value(i);
  if (!Number.isSafeInteger(total)) throw new RangeError("realisasi exceeds the safe integer range");
  return total;
}

/**
 * R of a month from R of the month before (January: 0) and the month's value, as the entry form shows it
 * while a value is typed: the value itself for bulanan, the previous R plus the value otherwise.
 */
export function realisasiBerjalan(jenis: Jenis, realisasiSebelum: number, nilai: number): number {
  assertCount(realisasiSebelum, "realisasiSebelum");
  assertCount(nilai, "nilai");
  return jenis === "bulanan" ? nilai : realisasiSebelum + nilai;
}

/** A sasaran that gives a capaian: a whole number > 0. null, undefined and 0 mean "tidak ada sasaran". */
export function hasSasaran(sasaran: number | null | undefined): sasaran is number {
  if (sasaran == null) return false;
  assertCount(sasaran, "sasaran");
  return sasaran > 0;
}

/** Exact C = R / S × 100; null when S is null or 0. */
export function capaianRatio(realisasi: number, sasaran: number | null): Rational | null {
  assertCount(realisasi, "realisasi");
  if (!hasSasaran(sasaran)) return null;
  return rational(BigInt(realisasi) * 100n, BigInt(sasaran));
}

/** C = R / S × 100 as the nearest double; null when there is no sasaran, never NaN or Infinity. */
export function capaian(realisasi: number, sasaran: number | null): number | null {
  const c = capaianRatio(realisasi, sasaran);
  return c === null ? null : toNumber(c);
}

/** C rounded to 2 decimals, half away from zero, from the exact value (9001 / 20000 → 45.01). */
export function capaianRounded(realisasi: number, sasaran: number | null): number | null {
  const c = capaianRatio(realisasi, sasaran);
  return c === null ? null : roundHalfAwayFromZero(c);
}

// TL(m) depends on (jenis, target, m) only and a page asks for it hundreds of times: computed once each.
const targetLines = new Map<string, Rational>();

/** Exact TL(m): kumulatif T × m / 12, bulanan T, jumlah 0. */
export function targetLineRatio(ind: Pick<Indikator, "jenis" | "target">, bulan: number): Rational {
  assertBulan(bulan);
  assertNonNegative(ind.target, "target");
  const key = `${ind.jenis}|${ind.target}|${bulan}`;
  let line = targetLines.get(key);
  if (line === undefined) {
    const t = fromNumber(ind.target);
    line = ind.jenis === "jumlah" ? rational(0) : ind.jenis === "bulanan" ? t : mul(t, rational(bulan, 12));
    if (targetLines.size < 10_000) targetLines.set(key, line); // bounded: targets come from the catalog
  }
  return line;
}

/** TL(m) as the nearest double (100 × 1 / 12 = 8.333…). */
export function targetLine(ind: Pick<Indikator, "jenis" | "target">, bulan: number): number {
  return toNumber(targetLineRatio(ind, bulan));
}

/** TL(m) rounded to 2 decimals, half away from zero. */
export function targetLineRounded(ind: Pick<Indikator, "jenis" | "target">, bulan: number): number {
  return roundHalfAwayFromZero(targetLineRatio(ind, bulan));
}

/**
 * Whether month `bulan` is on track: C ≥ TL(m), compared exactly (so 50 % against TL(6) = 50 is on track).
 * null when there is no sasaran or the indicator is a jumlah. For arah "turun" (lower is better; no
 * catalog indicator with a sasaran has it today) on track means C ≤ TL(m).
 */
export function onTrack(
  ind: Pick<Indikator, "jenis" | "target" | "arah">,
  realisasi: number,
  sasaran: number | null,
  bulan: number,
): boolean | null {
  const line = targetLineRatio(ind, bulan);
  const c = capaianRatio(realisasi, sasaran);
  if (c === null || ind.jenis === "jumlah") return null;
  return ind.arah === "turun" ? compare(c, line) <= 0 : compare(c, line) >= 0;
}

/** C > 100 %: show it, flag "melebihi sasaran — periksa sasaran". False when there is no sasaran. */
export function melebihiSasaran(realisasi: number, sasaran: number | null): boolean {
  const c = capaianRatio(realisasi, sasaran);
  return c !== null && compare(c, HUNDRED) > 0;
}

export interface Agregat {
  realisasi: number;
  sasaran: number | null;
  capaian: number | null;
}

/**
 * A unit's figure from its desa (or sub-units): C = ΣR / ΣS, never the mean of percentages.
 * ΣR counts every row; ΣS sums the rows that have a sasaran and is null when none has one, so an
 * aggregate of aggregates equals the aggregate of all desa. ΣS null or 0 gives capaian null.
 */
export function aggregate(rows: readonly { realisasi: number; sasaran: number | null }[]): Agregat {
  let r = 0n;
  let s: bigint | null = null;
  for (const row of rows) {
    assertCount(row.realisasi, "realisasi");
    r += BigInt(row.realisasi);
    if (row.sasaran != null) {
      assertCount(row.sasaran, "sasaran");
      s = (s ?? 0n) + BigInt(row.sasaran);
    }
  }
  const total = Number(r);
  const sasaran = s === null ? null : Number(s);
  if (!Number.isSafeInteger(total) || (sasaran !== null && !Number.isSafeInteger(sasaran))) {
    throw new RangeError("aggregate exceeds the safe integer range");
  }
  return { realisasi: total, sasaran, capaian: capaian(total, sasaran) };
}

