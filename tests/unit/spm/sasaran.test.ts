import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { KELOMPOK_PENDUDUK } from "@/lib/spm/penduduk";
import { estimateSasaran, PARAMETER_DEFAULT, resolveSasaran, type ParameterEstimasi } from "@/lib/spm/sasaran";

describe("PARAMETER_DEFAULT", () => {
  it("holds the DOMAIN.md §5 defaults as fractions (CBR per mil)", () => {
    expect(PARAMETER_DEFAULT).toEqual({
      cbrPerMil: 16.5,
      faktorIbuHamil: 1.1,
      faktorIbuBersalin: 1.05,
      proporsi: { balita: 0.085, usia_dikdas: 0.16, usia_produktif: 0.66, lansia: 0.11, remaja: 0.16, usia_15_plus: 0.73 },
      prevalensiHipertensi: 0.308,
      prevalensiDm: 0.022,
      prevalensiOdgjBerat: 0.0018,
      faktorTerdugaTb: 0.0354,
    });
  });

  it("KELOMPOK_PENDUDUK follows the CSV contract", () => {
    expect(KELOMPOK_PENDUDUK).toEqual(["total", "bayi", "balita", "usia_dikdas", "usia_produktif", "lansia", "remaja", "usia_15_plus"]);
  });
});

describe("estimateSasaran", () => {
  it("desa of 1000 people, total only, defaults worked by hand", () => {
    // lahir hidup = 16.5 ‰ × 1000 = 16.5; ibu hamil 1.10 × 16.5 = 18.15 → 19; bersalin 17.325 → 18;
    // shares 85, 160, 660, 110, 160, 730; hipertensi 30.8 % × 730 = 224.84 → 225; DM 16.06 → 17;
    // ODGJ 1.8 → 2; terduga TB 3.54 % × 1000 = 35.4 → 36; risiko HIV 19 + 36 = 55.
    expect(estimateSasaran({ total: 1000 }, PARAMETER_DEFAULT)).toEqual({
      ibu_hamil: 19,
      ibu_bersalin: 18,
      bayi_baru_lahir: 17,
      bayi: 17,
      balita: 85,
      usia_dikdas: 160,
      usia_produktif: 660,
      lansia: 110,
      remaja: 160,
      usia_15_plus: 730,
      hipertensi: 225,
      dm: 17,
      odgj_berat: 2,
      terduga_tb: 36,
      risiko_hiv: 55,
    });
  });

  it("desa of 2400 with every age group known uses the groups, not the shares", () => {
    // lahir hidup 39.6: ibu hamil 43.56 → 44, bersalin 41.58 → 42, bayi baru lahir 40; bayi from penduduk 38;
    // hipertensi 30.8 % × 1700 = 523.6 → 524; DM 37.4 → 38; ODGJ 0.18 % × 2400 = 4.32 → 5;
    // terduga TB 84.96 → 85; risiko HIV 44 + 85 = 129.
    const penduduk = { total: 2400, bayi: 38, balita: 210, usia_dikdas: 400, usia_produktif: 1560, lansia: 250, remaja: 380, usia_15_plus: 1700 };
    expect(estimateSasaran(penduduk, PARAMETER_DEFAULT)).toEqual({
      ibu_hamil: 44,
      ibu_bersalin: 42,
      bayi_baru_lahir: 40,
      bayi: 38,
      balita: 210,
      usia_dikdas: 400,
      usia_produktif: 1560,
      lansia: 250,
      remaja: 380,
      usia_15_plus: 1700,
      hipertensi: 524,
      dm: 38,
      odgj_berat: 5,
      terduga_tb: 85,
      risiko_hiv: 129,
    });
  });

  it("some groups known: known ones are taken, the rest are shares of the total", () => {
    const s = estimateSasaran({ total: 1000, balita: 99, usia_15_plus: 800 }, PARAMETER_DEFAULT);
    expect(s.balita).toBe(99);
    expect(s.lansia).toBe(110);
    expect(s.usia_15_plus).toBe(800);
    expect(s.hipertensi).toBe(247); // 0.308 × 800 = 246.4 → 247
    expect(s.dm).toBe(18); // 0.022 × 800 = 17.6 → 18
  });

  it("ceil is exact where floats overshoot: 8.5 % × 600 = 51 balita (float 51.00000000000001 → 52)", () => {
    expect(Math.ceil(0.085 * 600)).toBe(52); // the float trap
    expect(estimateSasaran({ total: 600 }, PARAMETER_DEFAULT).balita).toBe(51);
  });

  it("ceil is exact along the chain: ibu hamil of 20000 = 1.10 × 16.5 ‰ × 20000 = 363 (float gives 364)", () => {
    expect(Math.ceil((16.5 / 1000) * 1.1 * 20000)).toBe(364); // the float trap
    expect(estimateSasaran({ total: 20000 }, PARAMETER_DEFAULT).ibu_hamil).toBe(363);
  });

  it("terduga TB of exactly whole people: 3.54 % × 5000 = 177 and × 10000 = 354 (no +1)", () => {
    expect(estimateSasaran({ total: 5000 }, PARAMETER_DEFAULT).terduga_tb).toBe(177);
    expect(estimateSasaran({ total: 10000 }, PARAMETER_DEFAULT).terduga_tb).toBe(354);
    expect(estimateSasaran({ total: 1000 }, PARAMETER_DEFAULT).terduga_tb).toBe(36); // 35.4 rounds up
  });

  it("population 0 and missing total give 0 for total-based figures", () => {
    const zero = estimateSasaran({ total: 0 }, PARAMETER_DEFAULT);
    expect(Object.values(zero).every((v) => v === 0)).toBe(true);
    const onlyGroups = estimateSasaran({ usia_15_plus: 1000, bayi: 12 }, PARAMETER_DEFAULT);
    expect(onlyGroups).toMatchObject({ ibu_hamil: 0, bayi_baru_lahir: 0, bayi: 12, balita: 0, hipertensi: 308, dm: 22, terduga_tb: 0, risiko_hiv: 0 });
  });

  it("an overridden parameter set is used (kabupaten CBR 20 ‰)", () => {
    const p: ParameterEstimasi = { ...PARAMETER_DEFAULT, cbrPerMil: 20 };
    expect(estimateSasaran({ total: 1000 }, p)).toMatchObject({ bayi_baru_lahir: 20, ibu_hamil: 22, ibu_bersalin: 21 });
  });

  it("rejects negative or fractional population and negative parameters", () => {
    expect(() => estimateSasaran({ total: -1 }, PARAMETER_DEFAULT)).toThrow(RangeError);
    expect(() => estimateSasaran({ total: 10.5 }, PARAMETER_DEFAULT)).toThrow(RangeError);
    expect(() => estimateSasaran({ total: 10 }, { ...PARAMETER_DEFAULT, prevalensiDm: -0.1 })).toThrow(RangeError);
    expect(() => estimateSasaran({ total: 10 }, { ...PARAMETER_DEFAULT, cbrPerMil: Number.NaN })).toThrow(RangeError);
  });

  it("property: total-only estimates equal integer ceil((k × P) / 10^n) on BigInt", () => {
    const ceilDiv = (a: bigint, b: bigint) => Number((a + b - 1n) / b);
    fc.assert(
      fc.property(fc.nat({ max: 5_000_000 }), (total) => {
        const p = BigInt(total);
        const s = estimateSasaran({ total }, PARAMETER_DEFAULT);
        const ibuHamil = ceilDiv(1815n * p, 100_000n);
        const terdugaTb = ceilDiv(354n * p, 10_000n);
        expect(s).toEqual({
          ibu_hamil: ibuHamil,
          ibu_bersalin: ceilDiv(17325n * p, 1_000_000n),
          bayi_baru_lahir: ceilDiv(165n * p, 10_000n),
          bayi: ceilDiv(165n * p, 10_000n),
          balita: ceilDiv(85n * p, 1000n),
          usia_dikdas: ceilDiv(16n * p, 100n),
          usia_produktif: ceilDiv(66n * p, 100n),
          lansia: ceilDiv(11n * p, 100n),
          remaja: ceilDiv(16n * p, 100n),
          usia_15_plus: ceilDiv(73n * p, 100n),
          hipertensi: ceilDiv(308n * 73n * p, 100_000n),
          dm: ceilDiv(22n * 73n * p, 100_000n),
          odgj_berat: ceilDiv(18n * p, 10_000n),
          terduga_tb: terdugaTb,
          risiko_hiv: ibuHamil + terdugaTb,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("property: estimates never decrease when the population grows", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.nat({ max: 1000 }), (total, extra) => {
        const a = estimateSasaran({ total }, PARAMETER_DEFAULT);
        const b = estimateSasaran({ total: total + extra }, PARAMETER_DEFAULT);
        for (const k of Object.keys(a) as (keyof typeof a)[]) expect(b[k]).toBeGreaterThanOrEqual(a[k]);
      }),
    );
  });
});

describe("resolveSasaran", () => {
  it("DITETAPKAN wins over ESTIMASI", () => {
    expect(resolveSasaran(120, 150)).toEqual({ sasaran: 120, sumber: "DITETAPKAN" });
  });

  it("DITETAPKAN 0 wins too (a sasaran of 0 means 'no target')", () => {
    expect(resolveSasaran(0, 150)).toEqual({ sasaran: 0, sumber: "DITETAPKAN" });
  });

  it("ESTIMASI is used when DITETAPKAN is null or missing, including an estimate of 0", () => {
    expect(resolveSasaran(null, 150)).toEqual({ sasaran: 150, sumber: "ESTIMASI" });
    expect(resolveSasaran(undefined, 0)).toEqual({ sasaran: 0, sumber: "ESTIMASI" });
  });

  it("neither present → sasaran null, sumber null", () => {
    expect(resolveSasaran(null, null)).toEqual({ sasaran: null, sumber: null });
    expect(resolveSasaran(undefined, undefined)).toEqual({ sasaran: null, sumber: null });
  });
});
