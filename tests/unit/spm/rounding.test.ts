import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { capaianRounded, roundHalfAwayFromZero } from "@/lib/spm/capaian";
import { rational } from "@/lib/spm/rational";

/** Reference: round |n|/d to `dec` decimals half away from zero, on BigInt, and print it as a decimal. */
function reference(n: bigint, d: bigint, dec: number): number {
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const scale = 10n ** BigInt(dec);
  const q = (2n * a * scale + b) / (2n * b); // floor(x·10^dec + 1/2)
  const whole = q / scale;
  const frac = (q % scale).toString().padStart(dec, "0");
  const text = dec === 0 ? `${whole}` : `${whole}.${frac}`;
  return q === 0n ? 0 : Number(negative ? `-${text}` : text);
}

describe("roundHalfAwayFromZero", () => {
  it("rounds 45.005 exactly at .005 up to 45.01 (R=9001, S=20000)", () => {
    expect(capaianRounded(9001, 20000)).toBe(45.01);
    expect(roundHalfAwayFromZero(rational(9001, 200))).toBe(45.01);
    expect(roundHalfAwayFromZero(45.005)).toBe(45.01);
  });

  it("rounds R=7, S=20000 (0.035) to 0.04 and R=29 (0.145) to 0.15, where float arithmetic gives 0.03 and 0.14", () => {
    expect(Math.round((7 / 20000) * 100 * 100) / 100).toBe(0.03); // the float trap this library avoids
    expect(Math.round((29 / 20000) * 100 * 100) / 100).toBe(0.14);
    expect(capaianRounded(7, 20000)).toBe(0.04);
    expect(capaianRounded(29, 20000)).toBe(0.15);
  });

  it("rounds the number 1.005 (stored as 1.00499…) as the decimal it reads: 1.01", () => {
    expect(roundHalfAwayFromZero(1.005)).toBe(1.01);
  });

  it("rounds tiny capaian: R=1, S=20000 → 0.005 → 0.01; R=1, S=200000 → 0.0005 → 0", () => {
    expect(capaianRounded(1, 20000)).toBe(0.01);
    expect(capaianRounded(1, 200000)).toBe(0);
    expect(capaianRounded(1, 20001)).toBe(0);
  });

  it("rounds just below a tie down and just above up (R·100/S = 45.00499…, 45.00500…1)", () => {
    expect(roundHalfAwayFromZero(rational(4_500_499_999n, 100_000_000n))).toBe(45);
    expect(roundHalfAwayFromZero(rational(4_500_500_001n, 100_000_000_000n), 4)).toBe(0.045);
    expect(roundHalfAwayFromZero(rational(450_050_001n, 10_000_000n))).toBe(45.01);
  });

  it("rounds negative ties away from zero (−0.125 → −0.13) and never returns −0", () => {
    expect(roundHalfAwayFromZero(rational(-1, 8))).toBe(-0.13);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(Object.is(roundHalfAwayFromZero(-0.001), 0)).toBe(true);
  });

  it("rounds thirds: 100/3 → 33.33, 200/3 → 66.67", () => {
    expect(capaianRounded(1, 3)).toBe(33.33);
    expect(capaianRounded(2, 3)).toBe(66.67);
  });

  it("supports 0 decimals and rejects bad decimals", () => {
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(rational(1, 3), 5)).toBe(0.33333);
    expect(() => roundHalfAwayFromZero(1, -1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
  });

  it("property: capaianRounded is half away from zero (BigInt reference)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (r, s) => {
        expect(capaianRounded(r, s)).toBe(reference(BigInt(r) * 100n, BigInt(s), 2));
      }),
      { numRuns: 2000 },
    );
  });

  it("property: capaianRounded at exact ties k·0.005 rounds up (S = 20000)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 40_000 }), (r) => {
        expect(capaianRounded(r, 20_000)).toBe(reference(BigInt(r) * 100n, 20_000n, 2));
      }),
    );
  });

  it("property: any signed rational and decimals 0..6 match the BigInt reference", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 6 }),
        (n, d, dec) => {
          expect(roundHalfAwayFromZero(rational(n, d), dec)).toBe(reference(n, d, dec));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("property: a two-decimal number k/100 rounds to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (k) => {
        expect(roundHalfAwayFromZero(k / 100)).toBe(reference(BigInt(k), 100n, 2));
      }),
    );
  });
});
