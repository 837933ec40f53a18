import { describe, expect, it } from "vitest";
import { bulanParam, spmQuery, tahunParam } from "@/lib/schemas/periode";

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0].message);

describe("period parameters (API, exports, forms)", () => {
  it("reads plain digits as a number, and numbers as they are", () => {
    expect(bulanParam.parse("8")).toBe(8);
    expect(bulanParam.parse(" 12 ")).toBe(12);
    expect(bulanParam.parse(1)).toBe(1);
    expect(tahunParam.parse("2026")).toBe(2026);
  });

  it("tells a missing month or year apart from one that is not a number", () => {
    expect(message(bulanParam.safeParse(undefined))).toBe("Bulan wajib diisi (1–12).");
    expect(message(bulanParam.safeParse(""))).toBe("Bulan wajib diisi (1–12).");
    expect(message(tahunParam.safeParse("  "))).toBe("Tahun wajib diisi (2000–2100).");
    for (const v of ["+5", "1e1", "0x1F", "5.0", "delapan", true]) expect(message(bulanParam.safeParse(v))).toBe("Bulan harus berupa angka.");
    expect(message(bulanParam.safeParse(2.5))).toBe("Bulan harus bilangan bulat.");
  });

  it("refuses months and years outside their range", () => {
    expect(message(bulanParam.safeParse("0"))).toBe("Bulan di luar rentang 1–12.");
    expect(message(bulanParam.safeParse("13"))).toBe("Bulan di luar rentang 1–12.");
    expect(message(tahunParam.safeParse("1999"))).toBe("Tahun di luar rentang 2000–2100.");
  });

  it("the /api/v1/spm query without bulan names the missing parameter", () => {
    const r = spmQuery.safeParse({ wilayah: "36.04", tahun: "2026" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(["bulan"]);
    expect(r.error!.issues[0].message).toBe("Bulan wajib diisi (1–12).");
  });
});
