import { describe, expect, it } from "vitest";
import { periodeFromParams } from "@/lib/schemas/periode";
import { firstOf, firstParams, queryOf } from "@/lib/schemas/query";

describe("repeated query parameters: the first value counts everywhere", () => {
  it("firstOf and firstParams take the first of a repeated parameter", () => {
    expect(firstOf(undefined)).toBeUndefined();
    expect(firstOf("a")).toBe("a");
    expect(firstOf(["a", "b"])).toBe("a");
    expect(firstParams({ puskesmas: ["P1", "P2"], tahun: "2026" })).toEqual({ puskesmas: "P1", tahun: "2026" });
  });

  it("queryOf reads a URL as URLSearchParams.get does (Object.fromEntries kept the last)", () => {
    const url = "http://x/api/v1/spm?wilayah=36.04&tahun=2025&tahun=2026&bulan=3";
    expect(queryOf(url)).toEqual({ wilayah: "36.04", tahun: "2025", bulan: "3" });
    expect(queryOf(url).tahun).toBe(new URL(url).searchParams.get("tahun"));
  });

  it("parameter names that are Object.prototype's own are plain keys", () => {
    const q = queryOf("http://x/?__proto__=a&constructor=b&toString=c");
    expect(Object.getPrototypeOf(q)).toBe(Object.prototype);
    expect(Object.keys(q)).toEqual(["__proto__", "constructor", "toString"]);
    expect(q.constructor).toBe("b");
  });

  it("a page's period takes the first of a repeated tahun or bulan, not the default month", () => {
    const today = { tahun: 2026, bulan: 12 };
    expect(periodeFromParams({ tahun: ["2025", "2026"], bulan: ["3", "4"] }, today)).toEqual({ tahun: 2025, bulan: 3 });
    expect(periodeFromParams({ tahun: ["x", "2026"] }, today)).toEqual({ tahun: 2026, bulan: 11 });
  });
});
