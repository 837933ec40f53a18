import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  add,
  ceil,
  compare,
  div,
  floor,
  fromNumber,
  gcd,
  min,
  mul,
  rational,
  sub,
  sum,
  toNumber,
} from "@/lib/spm/rational";

/** Euclid on BigInt alone: the reference for gcd's double fast path. */
function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

describe("gcd", () => {
  const safe = fc.bigInt({ min: -BigInt(Number.MAX_SAFE_INTEGER), max: BigInt(Number.MAX_SAFE_INTEGER) });
  const huge = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });

  it("equals Euclid on BigInt for safe integers (the double path), huge ones and mixtures", () => {
    fc.assert(fc.property(safe, safe, (a, b) => gcd(a, b) === gcdBig(a, b)), { numRuns: 2000 });
    fc.assert(fc.property(huge, huge, (a, b) => gcd(a, b) === gcdBig(a, b)), { numRuns: 500 });
    fc.assert(fc.property(safe, huge, (a, b) => gcd(a, b) === gcdBig(a, b) && gcd(b, a) === gcdBig(b, a)), { numRuns: 500 });
  });

  it("at the edges: zero, one, the largest safe integer and one past it", () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    expect(gcd(0n, 0n)).toBe(0n);
    expect(gcd(0n, -7n)).toBe(7n);
    expect(gcd(max, max - 1n)).toBe(1n);
    expect(gcd(max, 3n)).toBe(gcdBig(max, 3n));
    expect(gcd(max + 1n, 2n ** 40n)).toBe(2n ** 40n);
    expect(gcd(2n ** 52n * 3n, 2n ** 52n)).toBe(2n ** 52n);
  });
});

describe("sum", () => {
  const frac = fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 200_000 })).map(([n, d]) => rational(n, d));

  it("equals adding term by term, normalised (12 SPM-like fractions with different denominators)", () => {
    fc.assert(fc.property(fc.array(frac, { maxLength: 14 }), (xs) => {
      expect(sum(xs)).toEqual(xs.reduce(add, rational(0)));
    }), { numRuns: 1000 });
  });
});

describe("rational", () => {
  it("normalises sign and common factors (6/-4 = -3/2)", () => {
    expect(rational(6, -4)).toEqual({ num: -3n, den: 2n });
    expect(rational(0, 7)).toEqual({ num: 0n, den: 1n });
  });

  it("rejects a zero denominator and non-integer numbers", () => {
    expect(() => rational(1, 0)).toThrow(RangeError);
    expect(() => rational(1.5)).toThrow(RangeError);
    expect(() => div(rational(1), rational(0))).toThrow(RangeError);
  });

  it("fromNumber reads the decimal as written: 0.0354 = 354/10000, 45.005 = 9001/200", () => {
    expect(fromNumber(0.0354)).toEqual(rational(354, 10000));
    expect(fromNumber(45.005)).toEqual(rational(9001, 200));
    expect(fromNumber(16.5)).toEqual(rational(33, 2));
    expect(fromNumber(-1.25)).toEqual(rational(-5, 4));
  });

  it("fromNumber handles exponent notation (1e-7, 1.5e21) and rejects NaN/Infinity", () => {
    expect(fromNumber(1e-7)).toEqual(rational(1n, 10_000_000n));
    expect(fromNumber(1.5e21)).toEqual(rational(1_500_000_000_000_000_000_000n));
    expect(() => fromNumber(Number.NaN)).toThrow(RangeError);
    expect(() => fromNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("add, sub, mul, div, min, sum are exact (1/10 + 2/10 = 3/10)", () => {
    expect(add(rational(1, 10), rational(2, 10))).toEqual(rational(3, 10));
    expect(sub(rational(1, 2), rational(1, 3))).toEqual(rational(1, 6));
    expect(mul(rational(2, 3), rational(9, 4))).toEqual(rational(3, 2));
    expect(div(rational(2, 3), rational(4, 9))).toEqual(rational(3, 2));
    expect(min(rational(1, 3), rational(1, 4))).toEqual(rational(1, 4));
    expect(sum([])).toEqual(rational(0));
  });

  it("floor and ceil round toward -∞ and +∞, also for negatives and integers", () => {
    expect(floor(rational(7, 2))).toBe(3n);
    expect(ceil(rational(7, 2))).toBe(4n);
    expect(floor(rational(-7, 2))).toBe(-4n);
    expect(ceil(rational(-7, 2))).toBe(-3n);
    expect(floor(rational(4))).toBe(4n);
    expect(ceil(rational(4))).toBe(4n);
  });

  it("toNumber of huge numerators and denominators is the nearest double", () => {
    const big = 10n ** 30n;
    expect(toNumber(rational(big + 1n, big))).toBe(1);
    expect(toNumber(rational(big, 3n * big))).toBe(1 / 3);
    expect(toNumber(rational(2n ** 80n * 3n, 2n ** 80n))).toBe(3);
    expect(toNumber(rational(-(10n ** 20n), 7n))).toBe(-(1e20 / 7));
  });

  it("property: toNumber equals IEEE division for safe integers", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeNat().filter((d) => d > 0), (n, d) => {
        expect(toNumber(rational(n, d))).toBe(n / d);
      }),
    );
  });

  it("property: toNumber of a scaled-up fraction (k·n)/(k·d) with huge k is unchanged", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.bigInt({ min: 2n ** 60n, max: 2n ** 200n }),
        (n, d, k) => {
          // rational() would cancel k: build the unnormalised value by hand to exercise the slow path.
          expect(toNumber({ num: BigInt(n) * k, den: BigInt(d) * k })).toBe(n / d);
        },
      ),
    );
  });

  it("property: compare agrees with the sign of the difference", () => {
    const arb = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(arb, arb, ([an, ad], [bn, bd]) => {
        expect(compare(rational(an, ad), rational(bn, bd))).toBe(Math.sign(an * bd - bn * ad) || 0);
      }),
    );
  });
});
