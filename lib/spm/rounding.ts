import { fromNumber, type Rational } from "./rational";

/**
 * Rounds to `decimals` places, half away from zero, from the exact value: 45.005 → 45.01, −0.125 → −0.13.
 * A Rational is rounded exactly. A plain number is read as its shortest decimal spelling (see
 * fromNumber), so 1.005 → 1.01 although the double 1.005 lies slightly below 1.005. Never returns −0.
 */
export function roundHalfAwayFromZero(value: Rational | number, decimals = 2): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer 0..20, got ${decimals}`);
  }
  const r = typeof value === "number" ? fromNumber(value) : value;
  const negative = r.num < 0n;
  const scaled = (negative ? -r.num : r.num) * 10n ** BigInt(decimals);
  let q = scaled / r.den;
  if (2n * (scaled - q * r.den) >= r.den) q += 1n;
  if (q === 0n) return 0;
  // Parsing the decimal spelling gives the double nearest to q × 10^-decimals in one rounding.
  return Number(`${negative ? "-" : ""}${q}e-${decimals}`);
}
