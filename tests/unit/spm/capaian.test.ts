import { describe, expect, it } from "vitest";
import {
  aggregate,
  capaian,
  capaianRatio,
  capaianRounded,
  melebihiSasaran,
  onTrack,
  realisasi,
  targetLine,
  targetLineRounded,
} from "@/lib/spm/capaian";
import { rational } from "@/lib/spm/rational";

const year = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];
const spm = { jenis: "kumulatif", target: 100, arah: "naik" } as const;
const ds = { jenis: "bulanan", target: 85, arah: "naik" } as const;
const jumlah = { jenis: "jumlah", target: 0, arah: "turun" } as const;

describe("realisasi", () => {
  it("kumulatif sums January..bulan (June = 210)", () => {
    expect(realisasi("kumulatif", year, 6)).toBe(210);
  });

  it("kumulatif in January is January's value", () => {
    expect(realisasi("kumulatif", year, 1)).toBe(10);
  });

  it("kumulatif in December is the whole year (780)", () => {
    expect(realisasi("kumulatif", year, 12)).toBe(780);
  });

  it("missing months count as 0: null entries and a short array (belum lapor)", () => {
    expect(realisasi("kumulatif", [5, null, 7], 6)).toBe(12);
    expect(realisasi("kumulatif", [], 12)).toBe(0);
    expect(realisasi("jumlah", [1, null, 2], 3)).toBe(3);
  });

  it("bulanan takes only the value of bulan, months do not add up", () => {
    expect(realisasi("bulanan", year, 6)).toBe(60);
    expect(realisasi("bulanan", [5, null], 2)).toBe(0);
    expect(realisasi("bulanan", [5], 12)).toBe(0);
  });

  it("jumlah sums January..bulan like kumulatif", () => {
    expect(realisasi("jumlah", year, 3)).toBe(60);
  });

  it("rejects bulan outside 1..12, negative or fractional values and more than 12 months", () => {
    expect(() => realisasi("kumulatif", year, 0)).toThrow(RangeError);
    expect(() => realisasi("kumulatif", year, 13)).toThrow(RangeError);
    expect(() => realisasi("kumulatif", [1, -1], 2)).toThrow(RangeError);
    expect(() => realisasi("kumulatif", [1.5], 1)).toThrow(RangeError);
    expect(() => realisasi("kumulatif", [...year, 1], 12)).toThrow(RangeError);
  });
});

describe("capaian", () => {
  it("C = R / S × 100 (540 of 1200 = 45 %)", () => {
    expect(capaian(540, 1200)).toBe(45);
    expect(capaianRatio(540, 1200)).toEqual(rational(45));
  });

  it("sasaran 0 gives null, never 0 and never Infinity", () => {
    expect(capaian(5, 0)).toBeNull();
    expect(capaian(0, 0)).toBeNull();
    expect(capaianRatio(5, 0)).toBeNull();
    expect(capaianRounded(5, 0)).toBeNull();
  });

  it("sasaran null or missing gives null", () => {
    expect(capaian(5, null)).toBeNull();
    expect(capaian(5, undefined as unknown as null)).toBeNull(); // a caller's missing field
    expect(capaianRounded(5, null)).toBeNull();
  });

  it("realisasi 0 with a sasaran is 0 %, not null", () => {
    expect(capaian(0, 100)).toBe(0);
    expect(capaianRounded(0, 100)).toBe(0);
  });

  it("capaian above 100 % is kept as is (130 of 100 = 130 %)", () => {
    expect(capaian(130, 100)).toBe(130);
    expect(capaianRounded(130, 100)).toBe(130);
  });

  it("unrounded capaian is the nearest double (1 of 3 = 33.333…); rounded is 33.33", () => {
    expect(capaian(1, 3)).toBe(100 / 3);
    expect(capaianRounded(1, 3)).toBe(33.33);
  });

  it("rejects negative or fractional realisasi and sasaran", () => {
    expect(() => capaian(-1, 10)).toThrow(RangeError);
    expect(() => capaian(1, -10)).toThrow(RangeError);
    expect(() => capaian(1.5, 10)).toThrow(RangeError);
    expect(() => capaian(1, Number.NaN)).toThrow(RangeError);
  });
});

describe("targetLine", () => {
  it("kumulatif TL(m) = T × m / 12 for every month (8.33 … 100)", () => {
    const lines = Array.from({ length: 12 }, (_, i) => targetLineRounded(spm, i + 1));
    expect(lines).toEqual([8.33, 16.67, 25, 33.33, 41.67, 50, 58.33, 66.67, 75, 83.33, 91.67, 100]);
    expect(targetLine(spm, 1)).toBe(100 / 12);
    expect(targetLine(spm, 6)).toBe(50);
  });

  it("kumulatif TL in December equals the annual target", () => {
    expect(targetLine(spm, 12)).toBe(100);
    expect(targetLine({ jenis: "kumulatif", target: 85 }, 12)).toBe(85);
  });

  it("kumulatif with target 85 in January is 85 / 12 = 7.08", () => {
    expect(targetLineRounded({ jenis: "kumulatif", target: 85 }, 1)).toBe(7.08);
  });

  it("bulanan TL is the target itself in every month (GIZ-DS 85)", () => {
    for (let m = 1; m <= 12; m++) expect(targetLine(ds, m)).toBe(85);
  });

  it("jumlah TL is 0", () => {
    expect(targetLine(jumlah, 7)).toBe(0);
  });

  it("rejects bulan 0 and 13", () => {
    expect(() => targetLine(spm, 0)).toThrow(RangeError);
    expect(() => targetLine(spm, 13)).toThrow(RangeError);
  });
});

describe("onTrack", () => {
  it("C exactly on the line is on track (June: 600 of 1200 = 50 % = TL(6))", () => {
    expect(onTrack(spm, 600, 1200, 6)).toBe(true);
    expect(onTrack(spm, 599, 1200, 6)).toBe(false);
  });

  it("January: 1 of 12 = 8.333… % equals TL(1) = 100/12 exactly (no float drift)", () => {
    expect(onTrack(spm, 1, 12, 1)).toBe(true);
    expect(onTrack(spm, 99, 1200, 1)).toBe(false);
    expect(onTrack(spm, 100, 1200, 1)).toBe(true);
  });

  it("December needs 100 %", () => {
    expect(onTrack(spm, 999, 1000, 12)).toBe(false);
    expect(onTrack(spm, 1000, 1000, 12)).toBe(true);
  });

  it("capaian above 100 % is on track", () => {
    expect(onTrack(spm, 1300, 1000, 12)).toBe(true);
  });

  it("bulanan compares with the target itself (85 of 100 on track, 84 not)", () => {
    expect(onTrack(ds, 85, 100, 3)).toBe(true);
    expect(onTrack(ds, 84, 100, 12)).toBe(false);
  });

  it("sasaran 0 or null gives null", () => {
    expect(onTrack(spm, 5, 0, 6)).toBeNull();
    expect(onTrack(spm, 5, null, 6)).toBeNull();
  });

  it("jumlah gives null even with a sasaran", () => {
    expect(onTrack(jumlah, 5, 10, 6)).toBeNull();
  });

  it("arah turun on a kumulatif line: on track when C ≤ TL(m)", () => {
    const turun = { jenis: "kumulatif", target: 100, arah: "turun" } as const;
    expect(onTrack(turun, 40, 100, 6)).toBe(true);
    expect(onTrack(turun, 51, 100, 6)).toBe(false);
  });
});

describe("melebihiSasaran", () => {
  it("C > 100 % is flagged (101 of 100)", () => {
    expect(melebihiSasaran(101, 100)).toBe(true);
  });

  it("exactly 100 % is not flagged", () => {
    expect(melebihiSasaran(100, 100)).toBe(false);
  });

  it("sasaran 0 or null is never flagged", () => {
    expect(melebihiSasaran(5, 0)).toBe(false);
    expect(melebihiSasaran(5, null)).toBe(false);
  });
});

describe("aggregate", () => {
  it("C = ΣR / ΣS, not the mean of desa percentages (10/10 and 0/90 → 10 %, not 50 %)", () => {
    expect(aggregate([{ realisasi: 10, sasaran: 10 }, { realisasi: 0, sasaran: 90 }])).toEqual({ realisasi: 10, sasaran: 100, capaian: 10 });
  });

  it("no rows → realisasi 0, sasaran null, capaian null", () => {
    expect(aggregate([])).toEqual({ realisasi: 0, sasaran: null, capaian: null });
  });

  it("all sasaran null → sasaran null and capaian null, realisasi still summed", () => {
    expect(aggregate([{ realisasi: 3, sasaran: null }, { realisasi: 4, sasaran: null }])).toEqual({ realisasi: 7, sasaran: null, capaian: null });
  });

  it("ΣS = 0 (every desa sasaran 0) → sasaran 0 and capaian null", () => {
    expect(aggregate([{ realisasi: 3, sasaran: 0 }, { realisasi: 1, sasaran: 0 }])).toEqual({ realisasi: 4, sasaran: 0, capaian: null });
  });

  it("desa without sasaran add their realisasi, and their missing sasaran adds nothing", () => {
    expect(aggregate([{ realisasi: 50, sasaran: 100 }, { realisasi: 10, sasaran: null }])).toEqual({ realisasi: 60, sasaran: 100, capaian: 60 });
  });

  it("aggregate above 100 % is kept", () => {
    expect(aggregate([{ realisasi: 150, sasaran: 100 }, { realisasi: 60, sasaran: 100 }]).capaian).toBe(105);
  });

  it("rejects negative values", () => {
    expect(() => aggregate([{ realisasi: -1, sasaran: 10 }])).toThrow(RangeError);
    expect(() => aggregate([{ realisasi: 1, sasaran: -10 }])).toThrow(RangeError);
  });
});
