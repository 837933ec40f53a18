import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { capaianRatio } from "@/lib/spm/capaian";
import { indeksSpm } from "@/lib/spm/indeks";
import { add, div, min, rational, toNumber, ZERO } from "@/lib/spm/rational";
import { roundHalfAwayFromZero } from "@/lib/spm/rounding";

describe("indeksSpm", () => {
  it("is the mean of capaian over services with S > 0 (50 % and 100 % → 75)", () => {
    expect(indeksSpm([{ realisasi: 50, sasaran: 100 }, { realisasi: 20, sasaran: 20 }])).toEqual({ indeks: 75, indeksRounded: 75, jumlahLayanan: 2 });
  });

  it("capaian above 100 % is clamped to 100 (150 % and 50 % → 75, not 100)", () => {
    expect(indeksSpm([{ realisasi: 150, sasaran: 100 }, { realisasi: 50, sasaran: 100 }])).toMatchObject({ indeks: 75, jumlahLayanan: 2 });
  });

  it("services without sasaran (null and 0) are left out of sum and count", () => {
    const r = indeksSpm([
      { realisasi: 30, sasaran: 100 },
      { realisasi: 99, sasaran: null },
      { realisasi: 99, sasaran: 0 },
      { realisasi: 90, sasaran: 100 },
    ]);
    expect(r).toEqual({ indeks: 60, indeksRounded: 60, jumlahLayanan: 2 });
  });

  it("no service with a sasaran → indeks null, count 0", () => {
    expect(indeksSpm([{ realisasi: 5, sasaran: 0 }, { realisasi: 5, sasaran: null }])).toEqual({ indeks: null, indeksRounded: null, jumlahLayanan: 0 });
    expect(indeksSpm([])).toEqual({ indeks: null, indeksRounded: null, jumlahLayanan: 0 });
  });

  it("12 services, all at 100 % or above → 100", () => {
    const layanan = Array.from({ length: 12 }, (_, i) => ({ realisasi: 100 + i, sasaran: 100 }));
    expect(indeksSpm(layanan)).toEqual({ indeks: 100, indeksRounded: 100, jumlahLayanan: 12 });
  });

  it("is rounded from the exact mean: (1/3 + 0) × 100 / 2 = 16.666… → 16.67", () => {
    const r = indeksSpm([{ realisasi: 1, sasaran: 3 }, { realisasi: 0, sasaran: 5 }]);
    expect(r.indeks).toBe(50 / 3);
    expect(r.indeksRounded).toBe(16.67);
  });

  it("rounds an exact tie half away from zero: mean 45.005 → 45.01", () => {
    // 45.01 % and 45 %: (9002/20000 + 9000/20000) × 100 / 2 = 45.005
    expect(indeksSpm([{ realisasi: 9002, sasaran: 20000 }, { realisasi: 9000, sasaran: 20000 }]).indeksRounded).toBe(45.01);
  });

  it("property: indeks is within 0..100 and matches an exact reference", () => {
    const layanan = fc.array(fc.record({ realisasi: fc.nat({ max: 10_000 }), sasaran: fc.option(fc.nat({ max: 5_000 }), { nil: null }) }), { maxLength: 12 });
    fc.assert(
      fc.property(layanan, (rows) => {
        const withS = rows.filter((r) => r.sasaran !== null && r.sasaran > 0);
        const result = indeksSpm(rows);
        expect(result.jumlahLayanan).toBe(withS.length);
        if (withS.length === 0) {
          expect(result.indeks).toBeNull();
          return;
        }
        const total = withS.reduce((acc, r) => add(acc, min(capaianRatio(r.realisasi, r.sasaran)!, rational(100))), ZERO);
        const mean = div(total, rational(withS.length));
        expect(result.indeks).toBe(toNumber(mean));
        expect(result.indeksRounded).toBe(roundHalfAwayFromZero(mean));
        expect(result.indeks).toBeGreaterThanOrEqual(0);
        expect(result.indeks).toBeLessThanOrEqual(100);
      }),
    );
  });
});
