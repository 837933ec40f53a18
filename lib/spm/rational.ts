/**
 * Exact rational numbers on BigInt, just enough for SPM arithmetic: capaian R/S×100, target lines,
 * the Indeks SPM mean and the estimation parameters. Values are immutable and always normalised:
 * den > 0 and gcd(|num|, den) = 1, so equal values have equal fields.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** Greatest common divisor of |a| and |b|; on doubles while both fit (exact there, and a dashboard normalises thousands of fractions). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  if (x <= MAX_EXACT && y <= MAX_EXACT) {
    let p = Number(x);
    let q = Number(y);
    while (q !== 0) {
      const r = p % q;
      p = q;
      q = r;
    }
    return BigInt(p);
  }
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

function toBigInt(value: bigint | number, name: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
  return BigInt(value);
}

/** num/den, normalised. Numbers must be safe integers; use fromNumber for decimals. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = toBigInt(num, "numerator");
  let d = toBigInt(den, "denominator");
  if (d === 0n) throw new RangeError("denominator must not be 0");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const HUNDRED: Rational = { num: 100n, den: 1n };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The exact value of a number's shortest decimal spelling (the one `String(x)` prints), so 0.0354 is
 * 354/10000 and 45.005 is 9001/200, not the nearby binary fractions. This is what a person who typed the
 * number meant, and it makes parameters such as 0.085 behave exactly.
 */
export function fromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = DECIMAL.exec(String(value));
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  const shift = Number(exponent) - fraction.length;
  let num = BigInt(whole + fraction);
  let den = 1n;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den = 10n ** BigInt(-shift);
  return rational(sign === "-" ? -num : num, den);
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/** a / b; throws when b is zero. */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("division by zero");
  return rational(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const diff = a.num * b.den - b.num * a.den;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

/** Σ values, normalised once at the end: adding term by term normalised each partial sum, and the partial
 * sums of fractions with different denominators (an Indeks SPM over 12 sasaran) grow past doubles, where each
 * gcd is a long BigInt loop. The normal form is unique, so the result is the same. */
export function sum(values: readonly Rational[]): Rational {
  let num = 0n;
  let den = 1n;
  for (const v of values) {
    if (v.den === den) num += v.num;
    else {
      num = num * v.den + v.num * den;
      den *= v.den;
    }
  }
  return rational(num, den);
}

/** Largest integer ≤ r. */
export function floor(r: Rational): bigint {
  const q = r.num / r.den; // BigInt division truncates toward zero
  return r.num < 0n && q * r.den !== r.num ? q - 1n : q;
}

/** Smallest integer ≥ r. */
export function ceil(r: Rational): bigint {
  return -floor({ num: -r.num, den: r.den });
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** The double nearest to r (correctly rounded, ties to even), never NaN or Infinity for small values. */
export function toNumber(r: Rational): number {
  const negative = r.num < 0n;
  const n = negative ? -r.num : r.num;
  const d = r.den;
  if (n === 0n) return 0;
  // Both operands exact doubles: IEEE division is itself correctly rounded.
  if (n <= MAX_EXACT && d <= MAX_EXACT) return (negative ? -1 : 1) * (Number(n) / Number(d));
  // Otherwise take a quotient of at least 66 bits with a sticky bit for any remainder, so the single
  // rounding done by Number() is the correct one; then scale by a power of two (exact in normal range).
  const shift = 66 - (bitLength(n) - bitLength(d));
  const a = shift >= 0 ? n << BigInt(shift) : n;
  const b = shift >= 0 ? d : d << BigInt(-shift);
  let q = a / b;
  if (q * b !== a) q |= 1n;
  const half = Math.trunc(shift / 2);
  const value = Number(q) * 2 ** -half * 2 ** -(shift - half);
  return negative ? -value : value;
}
