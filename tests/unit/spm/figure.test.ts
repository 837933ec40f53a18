import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { aggregate, capaian, realisasi, targetLine } from "@/lib/spm/capaian";
import { getIndikator, INDIKATOR, type Indikator } from "@/lib/spm/catalog";
import { computeFigure } from "@/lib/spm/figure";
import { adaNilai, kelasCapaian } from "@/lib/spm/kelas";
import { roundHalfAwayFromZero } from "@/lib/spm/rounding";
import { statusPws } from "@/lib/spm/pws";

const ind = (kode: string): Indikator => {
  const i = getIndikator(kode);
  if (!i) throw new Error(`unknown ${kode}`);
  return i;
};
const monthly = [100, 90, 80, 120, 70, 80, 0, 0, 0, 0, 0, 0];

describe("computeFigure", () => {
  it("SPM-01 in June: R = 540 of S = 1200 → 45 %, TL 50 %, below the line, trend naik → CUKUP", () => {
    expect(computeFigure(ind("SPM-01"), { monthly, sasaran: 1200, bulan: 6 })).toEqual({
      indikator: "SPM-01",
      realisasi: 540,
      sasaran: 1200,
      capaian: 45,
      target: 50,
      kelas: "di-bawah",
      adaData: true,
      pws: { posisi: "bawah", tren: "naik", status: "CUKUP" },
    });
  });

  it("January compares the month with 0 and TL(1) = 8.33", () => {
    const f = computeFigure(ind("SPM-04"), { monthly: [10], sasaran: 120, bulan: 1 });
    expect(f).toMatchObject({ realisasi: 10, capaian: 100 / 12, target: 100 / 12, kelas: "tercapai" });
    expect(f.pws).toEqual({ posisi: "atas", tren: "naik", status: "BAIK" });
  });

  it("December: full-year realisasi, TL 100, capaian above 100 % is flagged melebihi", () => {
    const f = computeFigure(ind("SPM-07"), { monthly: Array(12).fill(10), sasaran: 100, bulan: 12 });
    expect(f).toMatchObject({ realisasi: 120, capaian: 120, target: 100, kelas: "melebihi" });
    expect(f.pws).toEqual({ posisi: "atas", tren: "tetap", status: "BAIK" });
  });

  it("sasaran 0 → capaian and pws null, kelas tanpa-sasaran, target still shown", () => {
    expect(computeFigure(ind("SPM-10"), { monthly, sasaran: 0, bulan: 6 })).toMatchObject({
      realisasi: 540, sasaran: 0, capaian: null, target: 50, kelas: "tanpa-sasaran", pws: null,
    });
  });

  it("sasaran null → capaian null", () => {
    expect(computeFigure(ind("SPM-10"), { monthly, sasaran: null, bulan: 6 })).toMatchObject({ sasaran: null, capaian: null, pws: null, kelas: "tanpa-sasaran" });
  });

  it("missing months (null, short series) count as 0", () => {
    expect(computeFigure(ind("SPM-02"), { monthly: [5, null, 5], sasaran: 10, bulan: 9 })).toMatchObject({
      realisasi: 10, capaian: 100, pws: { posisi: "atas", tren: "tetap", status: "BAIK" },
    });
  });

  it("bulanan GIZ-DS: realisasi is the month's value, line is 85 every month", () => {
    const f = computeFigure(ind("GIZ-DS"), { monthly: [80, 86], sasaran: 100, bulan: 2 });
    expect(f).toMatchObject({ realisasi: 86, capaian: 86, target: 85, kelas: "tercapai" });
    expect(f.pws).toEqual({ posisi: "atas", tren: "naik", status: "BAIK" });
  });

  it("jumlah PM-DBD: a count, sasaran ignored (null), no capaian, TL 0, no PWS", () => {
    expect(computeFigure(ind("PM-DBD"), { monthly: [3, 4, 5], sasaran: 100, bulan: 3 })).toEqual({
      indikator: "PM-DBD", realisasi: 12, sasaran: null, capaian: null, target: 0, kelas: "tanpa-sasaran", adaData: true, pws: null,
    });
  });

  it("rounding at .005 exactly: R = 9001, S = 20000 → capaian 45.005 unrounded; shown as 45.01", () => {
    const f = computeFigure(ind("SPM-06"), { monthly: [9001], sasaran: 20000, bulan: 1 });
    expect(f.capaian).toBe(45.005);
    expect(roundHalfAwayFromZero(f.capaian!)).toBe(45.01);
  });

  it("rejects bulan 0 and 13", () => {
    expect(() => computeFigure(ind("SPM-01"), { monthly, sasaran: 1, bulan: 0 })).toThrow(RangeError);
    expect(() => computeFigure(ind("SPM-01"), { monthly, sasaran: 1, bulan: 13 })).toThrow(RangeError);
  });

  it("property: the unit figure from summed series = ΣR / ΣS of its desa (every indicator kind)", () => {
    const desa = fc.record({
      monthly: fc.array(fc.nat({ max: 1000 }), { minLength: 12, maxLength: 12 }),
      sasaran: fc.option(fc.nat({ max: 20_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...INDIKATOR), fc.array(desa, { minLength: 1, maxLength: 15 }), fc.integer({ min: 1, max: 12 }), (i, list, bulan) => {
        const perDesa = list.map((d) => computeFigure(i, { ...d, bulan }));
        const agg = aggregate(perDesa.map((f) => ({ realisasi: f.realisasi, sasaran: f.sasaran })));
        const summed = Array.from({ length: 12 }, (_, m) => list.reduce((a, d) => a + d.monthly[m], 0));
        const unit = computeFigure(i, { monthly: summed, sasaran: agg.sasaran, bulan });
        expect(unit.realisasi).toBe(agg.realisasi);
        expect(unit.capaian).toBe(i.jenis === "jumlah" ? null : capaian(agg.realisasi, agg.sasaran));
        expect(unit.capaian === null || Number.isFinite(unit.capaian)).toBe(true);
      }),
    );
  });

  it("equals the separate functions of capaian.ts and pws.ts for any indicator, values, sasaran and month", () => {
    const input = fc.record({
      i: fc.nat({ max: INDIKATOR.length - 1 }),
      monthly: fc.array(fc.option(fc.nat({ max: 50_000 }), { nil: null }), { minLength: 12, maxLength: 12 }),
      sasaran: fc.option(fc.nat({ max: 200_000 }), { nil: null }),
      bulan: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(input, ({ i, monthly: m, sasaran: given, bulan }) => {
        const indikator = INDIKATOR[i];
        const sasaran = indikator.jenis === "jumlah" ? null : given;
        const r = realisasi(indikator.jenis, m, bulan);
        expect(computeFigure(indikator, { monthly: m, sasaran: given, bulan })).toEqual({
          indikator: indikator.kode,
          realisasi: r,
          sasaran,
          capaian: capaian(r, sasaran),
          target: targetLine(indikator, bulan),
          kelas: kelasCapaian(indikator, { realisasi: r, sasaran, bulan, adaData: adaNilai(indikator.jenis, m, bulan) }),
          adaData: adaNilai(indikator.jenis, m, bulan),
          pws: statusPws({
            jenis: indikator.jenis, target: indikator.target, bulan, realisasi: r, sasaran,
            nilaiBulanIni: m[bulan - 1] ?? 0, nilaiBulanLalu: bulan === 1 ? 0 : (m[bulan - 2] ?? 0),
          }),
        });
      }),
      { numRuns: 2000 },
    );
  });
});
