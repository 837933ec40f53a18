import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  deadlineOf,
  terlambat,
  jumlahLaporanMasuk,
  laporanDihitung,
  kelengkapan,
  ketepatan,
  monthsElapsed,
} from "@/lib/spm/kelengkapan";
import { daysInMonth, lastFullMonth, nextBulan } from "@/lib/spm/periode";
import { roundHalfAwayFromZero } from "@/lib/spm/rounding";

/** As the page shows it: rounded once, half away from zero. */
const shown = (n: number | null) => (n === null ? null : roundHalfAwayFromZero(n));

describe("kelengkapan and ketepatan", () => {
  it("kelengkapan = submitted / expected × 100 (45 of 60 = 75 %)", () => {
    expect(kelengkapan(45, 60)).toBe(75);
  });

  it("kelengkapan with expected 0 is null (nothing due yet)", () => {
    expect(kelengkapan(0, 0)).toBeNull();
    expect(shown(kelengkapan(0, 0))).toBeNull();
  });

  it("ketepatan = on time / expected × 100 (20 of 60 = 33.33 %)", () => {
    expect(ketepatan(20, 60)).toBe(100 / 3);
    expect(shown(ketepatan(20, 60))).toBe(33.33);
  });

  it("ketepatan with expected 0 is null", () => {
    expect(ketepatan(0, 0)).toBeNull();
    expect(shown(ketepatan(0, 0))).toBeNull();
  });

  it("nothing submitted is 0 %, not null", () => {
    expect(kelengkapan(0, 12)).toBe(0);
  });

  it("rounds at an exact tie half away from zero (1 of 8 → 12.5; 1 of 16 → 6.25; 1 of 32 → 3.13)", () => {
    expect(shown(kelengkapan(1, 8))).toBe(12.5);
    expect(shown(kelengkapan(1, 16))).toBe(6.25);
    expect(shown(kelengkapan(1, 32))).toBe(3.13);
  });

  it("rejects negative or fractional counts", () => {
    expect(() => kelengkapan(-1, 10)).toThrow(RangeError);
    expect(() => ketepatan(1, 1.5)).toThrow(RangeError);
  });
});

describe("monthsElapsed", () => {
  const today = { tahun: 2025, bulan: 7 };

  it("counts months up to and including bulan when they have all ended (2025-03, today July → 3)", () => {
    expect(monthsElapsed(2025, 3, today)).toBe(3);
  });

  it("is capped to months ended before today's month (2025-12, today July → 6)", () => {
    expect(monthsElapsed(2025, 12, today)).toBe(6);
    expect(monthsElapsed(2025, 7, today)).toBe(6);
  });

  it("January of the current year, today in January → 0 (January has not ended)", () => {
    expect(monthsElapsed(2025, 1, { tahun: 2025, bulan: 1 })).toBe(0);
    expect(monthsElapsed(2025, 12, { tahun: 2025, bulan: 1 })).toBe(0);
  });

  it("a past year counts all months up to bulan (2024-12 → 12)", () => {
    expect(monthsElapsed(2024, 12, today)).toBe(12);
  });

  it("a future year → 0", () => {
    expect(monthsElapsed(2026, 5, today)).toBe(0);
  });

  it("December of the current year, today in December → 11", () => {
    expect(monthsElapsed(2025, 12, { tahun: 2025, bulan: 12 })).toBe(11);
  });

  it("rejects bulan 0 or 13", () => {
    expect(() => monthsElapsed(2025, 0, today)).toThrow(RangeError);
    expect(() => monthsElapsed(2025, 13, today)).toThrow(RangeError);
  });
});

describe("deadlineOf", () => {
  it("is the 10th of the next month by default (June → 10 July)", () => {
    expect(deadlineOf(2025, 6)).toEqual({ tahun: 2025, bulan: 7, hari: 10 });
  });

  it("December rolls over to 10 January of the next year", () => {
    expect(deadlineOf(2025, 12)).toEqual({ tahun: 2026, bulan: 1, hari: 10 });
  });

  it("takes another deadline day (5)", () => {
    expect(deadlineOf(2025, 3, 5)).toEqual({ tahun: 2025, bulan: 4, hari: 5 });
  });

  it("a day past the end of the next month falls on its last day (31 → 28 Feb, 29 Feb in a leap year)", () => {
    expect(deadlineOf(2025, 1, 31)).toEqual({ tahun: 2025, bulan: 2, hari: 28 });
    expect(deadlineOf(2024, 1, 31)).toEqual({ tahun: 2024, bulan: 2, hari: 29 });
    expect(deadlineOf(2025, 3, 31)).toEqual({ tahun: 2025, bulan: 4, hari: 30 });
  });

  it("rejects hariBatas 0 and 32", () => {
    expect(() => deadlineOf(2025, 1, 0)).toThrow(RangeError);
    expect(() => deadlineOf(2025, 1, 32)).toThrow(RangeError);
  });
});

describe("terlambat", () => {
  it("on the deadline day counts as on time (10 July for June)", () => {
    expect(terlambat({ tahun: 2025, bulan: 7, hari: 10 }, 2025, 6)).toBe(false);
  });

  it("the day after the deadline is late (11 July)", () => {
    expect(terlambat({ tahun: 2025, bulan: 7, hari: 11 }, 2025, 6)).toBe(true);
  });

  it("an early submission within the month itself is on time", () => {
    expect(terlambat({ tahun: 2025, bulan: 6, hari: 30 }, 2025, 6)).toBe(false);
  });

  it("December's report on 10 January of the next year is on time, on 11 January late", () => {
    expect(terlambat({ tahun: 2026, bulan: 1, hari: 10 }, 2025, 12)).toBe(false);
    expect(terlambat({ tahun: 2026, bulan: 1, hari: 11 }, 2025, 12)).toBe(true);
  });

  it("December's report in February of the next year is late", () => {
    expect(terlambat({ tahun: 2026, bulan: 2, hari: 1 }, 2025, 12)).toBe(true);
  });

  it("respects a custom hariBatas", () => {
    expect(terlambat({ tahun: 2025, bulan: 7, hari: 6 }, 2025, 6, 5)).toBe(true);
  });

  it("rejects an impossible date (30 February)", () => {
    expect(() => terlambat({ tahun: 2025, bulan: 2, hari: 30 }, 2025, 1)).toThrow(RangeError);
  });

  it("property: a report is on time exactly up to and including the deadline day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (tahun, bulan, hari) => {
        const next = nextBulan(tahun, bulan);
        const day = Math.min(hari, daysInMonth(next.tahun, next.bulan));
        expect(terlambat({ ...next, hari: day }, tahun, bulan)).toBe(day > 10);
      }),
    );
  });
});

describe("periode", () => {
  it("daysInMonth knows leap years (2024 and 2000 leap, 1900 and 2025 not)", () => {
    expect([daysInMonth(2024, 2), daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2025, 2)]).toEqual([29, 29, 28, 28]);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it("nextBulan of December is January of the next year", () => {
    expect(nextBulan(2025, 12)).toEqual({ tahun: 2026, bulan: 1 });
    expect(nextBulan(2025, 1)).toEqual({ tahun: 2025, bulan: 2 });
  });
});

describe("jumlahLaporanMasuk: the reports that count", () => {
  it("counts DIKIRIM and DIVERIFIKASI; DRAFT, DIKEMBALIKAN and no report do not count", () => {
    expect(jumlahLaporanMasuk(["DIKIRIM", "DIVERIFIKASI", "DRAFT", "DIKEMBALIKAN", null, undefined])).toBe(2);
    expect(laporanDihitung("DRAFT")).toBe(false);
    expect(jumlahLaporanMasuk([])).toBe(0);
  });
});

describe("lastFullMonth: the default period", () => {
  it("is the month before; January rolls back to December of last year", () => {
    expect(lastFullMonth({ tahun: 2026, bulan: 7 })).toEqual({ tahun: 2026, bulan: 6 });
    expect(lastFullMonth({ tahun: 2026, bulan: 1 })).toEqual({ tahun: 2025, bulan: 12 });
  });
});
