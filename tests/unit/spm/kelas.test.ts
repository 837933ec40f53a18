import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { capaianRatio, capaianRounded, melebihiSasaran, onTrack, targetLineRounded } from "@/lib/spm/capaian";
import { getIndikator, INDIKATOR, type Indikator } from "@/lib/spm/catalog";
import { computeFigure } from "@/lib/spm/figure";
import { adaNilai, KELAS_CAPAIAN, kelasCapaian } from "@/lib/spm/kelas";
import { toNumber } from "@/lib/spm/rational";
import { roundHalfAwayFromZero } from "@/lib/spm/rounding";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";

const ind = (kode: string): Indikator => {
  const i = getIndikator(kode);
  if (!i) throw new Error(`unknown ${kode}`);
  return i;
};
const kelas = (kode: string, realisasi: number, sasaran: number | null, bulan: number, adaData = true) =>
  kelasCapaian(ind(kode), { realisasi, sasaran, bulan, adaData });
/** A "lower is better" indicator with a sasaran: none in the catalog today, the rule must hold anyway. */
const TURUN: Indikator = { ...ind("SPM-01"), kode: "X-TURUN", arah: "turun" };

describe("kelasCapaian: the one classification", () => {
  it("sasaran 0 → tanpa-sasaran (never di-bawah at 0 %, never melebihi at ∞)", () => {
    expect(kelas("SPM-01", 540, 0, 6)).toBe("tanpa-sasaran");
    expect(kelas("SPM-01", 0, 0, 6)).toBe("tanpa-sasaran");
  });

  it("sasaran null → tanpa-sasaran, also without data (no sasaran wins over no data)", () => {
    expect(kelas("SPM-01", 10, null, 6)).toBe("tanpa-sasaran");
    expect(kelas("SPM-01", 0, null, 6, false)).toBe("tanpa-sasaran");
  });

  it("a sasaran but nothing reported → tanpa-data, not di-bawah at 0 %", () => {
    expect(kelas("SPM-01", 0, 1200, 6, false)).toBe("tanpa-data");
  });

  it("reported zeros are data: 0 of 1200 in June → di-bawah", () => {
    expect(kelas("SPM-01", 0, 1200, 6)).toBe("di-bawah");
  });

  it("exactly on the target line: R 600 of S 1200 in June = TL(6) 50 % → tercapai", () => {
    expect(kelas("SPM-01", 600, 1200, 6)).toBe("tercapai");
    expect(kelas("SPM-01", 599, 1200, 6)).toBe("di-bawah");
  });

  it("January TL(1) = 8.333…: 1 of 12 is exactly on it → tercapai", () => {
    expect(kelas("SPM-04", 1, 12, 1)).toBe("tercapai");
  });

  it("January: 833 of 10000 = 8.33 % equals the rounded TL 8.33 but is below the exact line → di-bawah", () => {
    expect(capaianRounded(833, 10_000)).toBe(targetLineRounded(ind("SPM-04"), 1));
    expect(kelas("SPM-04", 833, 10_000, 1)).toBe("di-bawah");
  });

  it("January: 4167 of 50000 = 8.334 % rounds to 8.33 like the line, and is above it → tercapai", () => {
    expect(capaianRounded(4167, 50_000)).toBe(8.33);
    expect(kelas("SPM-04", 4167, 50_000, 1)).toBe("tercapai");
  });

  it("no 80 % band: 0.8 × TL(6) = 40 % is plainly di-bawah", () => {
    expect(kelas("SPM-01", 480, 1200, 6)).toBe("di-bawah");
  });

  it("December: 99999 of 100000 shows 100,00 % but is below TL(12) = 100 → di-bawah", () => {
    expect(capaianRounded(99_999, 100_000)).toBe(100);
    expect(kelas("SPM-07", 99_999, 100_000, 12)).toBe("di-bawah");
  });

  it("December: exactly 100 % → tercapai (on the line, not over it)", () => {
    expect(kelas("SPM-07", 100_000, 100_000, 12)).toBe("tercapai");
  });

  it("December: 100001 of 100000 shows 100,00 % but is over 100 % → melebihi", () => {
    expect(capaianRounded(100_001, 100_000)).toBe(100);
    expect(kelas("SPM-07", 100_001, 100_000, 12)).toBe("melebihi");
  });

  it("over 100 % in January → melebihi (before tercapai: the sasaran needs checking)", () => {
    expect(kelas("SPM-01", 150, 100, 1)).toBe("melebihi");
  });

  it("bulanan GIZ-DS: the line is 85 every month; 84.999 % → di-bawah, 85 % → tercapai", () => {
    expect(kelas("GIZ-DS", 84_999, 100_000, 3)).toBe("di-bawah");
    expect(kelas("GIZ-DS", 85, 100, 3)).toBe("tercapai");
  });

  it("bulanan without this month's value → tanpa-data although earlier months were reported", () => {
    expect(adaNilai("bulanan", [80, 86, null], 3)).toBe(false);
    expect(computeFigure(ind("GIZ-DS"), { monthly: [80, 86, null], sasaran: 100, bulan: 3 }).kelas).toBe("tanpa-data");
  });

  it("kumulatif with only earlier months reported has data (R carries them)", () => {
    expect(adaNilai("kumulatif", [5, null, null], 3)).toBe(true);
    expect(computeFigure(ind("SPM-01"), { monthly: [5, null, null], sasaran: 1200, bulan: 3 }).kelas).toBe("di-bawah");
  });

  it("jumlah lower-is-better (PM-DBD, KIA-KMI): tanpa-sasaran whatever the count, 0 cases and a given sasaran included", () => {
    expect(kelas("PM-DBD", 12, null, 3)).toBe("tanpa-sasaran");
    expect(kelas("KIA-KMI", 0, null, 12)).toBe("tanpa-sasaran");
    expect(kelas("KIA-KMI", 0, 100, 12)).toBe("tanpa-sasaran");
    expect(kelas("GIZ-STUNT", 0, null, 6, false)).toBe("tanpa-sasaran");
    expect(computeFigure(ind("KIA-KMB"), { monthly: [0, 0, 0], sasaran: 100, bulan: 3 })).toMatchObject({ kelas: "tanpa-sasaran", capaian: null, pws: null });
  });

  it("lower is better with a sasaran: at or under the line → tercapai, above → di-bawah", () => {
    expect(kelasCapaian(TURUN, { realisasi: 600, sasaran: 1200, bulan: 6, adaData: true })).toBe("tercapai");
    expect(kelasCapaian(TURUN, { realisasi: 100, sasaran: 1200, bulan: 6, adaData: true })).toBe("tercapai");
    expect(kelasCapaian(TURUN, { realisasi: 601, sasaran: 1200, bulan: 6, adaData: true })).toBe("di-bawah");
  });

  it("property: agrees with the exact onTrack and melebihiSasaran for every indicator, R, S and month", () => {
    const input = fc.record({
      i: fc.nat({ max: INDIKATOR.length - 1 }),
      r: fc.nat({ max: 300_000 }),
      s: fc.option(fc.nat({ max: 200_000 }), { nil: null }),
      bulan: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(input, ({ i, r, s, bulan }) => {
        const indikator = INDIKATOR[i];
        const k = kelasCapaian(indikator, { realisasi: r, sasaran: s, bulan, adaData: true });
        const track = onTrack(indikator, r, s, bulan);
        if (track === null) expect(k).toBe("tanpa-sasaran");
        else if (melebihiSasaran(r, s)) expect(k).toBe("melebihi");
        else expect(k).toBe(track ? "tercapai" : "di-bawah");
      }),
      { numRuns: 3000 },
    );
  });

  it("property: rounding the figure's double for display equals rounding the exact capaian (S up to 10⁹)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 }), (r, s) => {
        const exact = capaianRatio(r, s)!;
        expect(roundHalfAwayFromZero(toNumber(exact))).toBe(roundHalfAwayFromZero(exact));
      }),
      { numRuns: 5000 },
    );
  });

  it("every class has one label and colour in lib/i18n/kelas.ts", () => {
    expect(Object.keys(KELAS_TAMPILAN).sort()).toEqual([...KELAS_CAPAIAN].sort());
    expect(new Set(KELAS_CAPAIAN.map((k) => KELAS_TAMPILAN[k].label)).size).toBe(KELAS_CAPAIAN.length);
  });
});
