import { describe, expect, it } from "vitest";
import { todayWib } from "@/lib/clock";

describe("todayWib: the one 'today in Jakarta'", () => {
  it("is UTC+7: 16:59 UTC is still the same day, 17:00 UTC is the next", () => {
    expect(todayWib(new Date("2026-06-30T16:59:59Z"))).toEqual({ tahun: 2026, bulan: 6, hari: 30 });
    expect(todayWib(new Date("2026-06-30T17:00:00Z"))).toEqual({ tahun: 2026, bulan: 7, hari: 1 });
  });

  it("New Year's Eve 17:00 UTC is 1 January in Jakarta (December rollover)", () => {
    expect(todayWib(new Date("2025-12-31T17:00:00Z"))).toEqual({ tahun: 2026, bulan: 1, hari: 1 });
  });

  it("leap day", () => {
    expect(todayWib(new Date("2028-02-28T20:00:00Z"))).toEqual({ tahun: 2028, bulan: 2, hari: 29 });
  });

  it("agrees with Intl's Asia/Jakarta calendar date", () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3600_000 + 13 * 60_000) {
      const now = new Date(t);
      const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "numeric", day: "numeric" }).formatToParts(now);
      const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      expect(todayWib(now)).toEqual({ tahun: part("year"), bulan: part("month"), hari: part("day") });
    }
  });
});
