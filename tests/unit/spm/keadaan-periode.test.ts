import { describe, expect, it } from "vitest";
import { keadaanPeriode } from "@/lib/spm/kelengkapan";

const hari = (tahun: number, bulan: number, h: number) => ({ tahun, bulan, hari: h });

describe("keadaanPeriode: where a report period stands on a day (DOMAIN.md §6 deadline)", () => {
  it("a month: not begun, running, reports due up to the deadline day itself, then past the deadline", () => {
    expect(keadaanPeriode(2026, 11, false, 10, hari(2026, 10, 31)).keadaan).toBe("bulan-belum-berjalan");
    expect(keadaanPeriode(2026, 11, false, 10, hari(2026, 11, 1)).keadaan).toBe("berjalan");
    expect(keadaanPeriode(2026, 11, false, 10, hari(2026, 11, 30)).keadaan).toBe("berjalan");
    expect(keadaanPeriode(2026, 11, false, 10, hari(2026, 12, 1))).toEqual({ keadaan: "menunggu-laporan", batas: hari(2026, 12, 10) });
    expect(keadaanPeriode(2026, 11, false, 10, hari(2026, 12, 10)).keadaan).toBe("menunggu-laporan");
    expect(keadaanPeriode(2026, 11, false, 10, hari(2026, 12, 11)).keadaan).toBe("lewat-batas");
  });

  it("a year ahead has not begun, month or whole year; the running year is running until December ends", () => {
    expect(keadaanPeriode(2027, 1, false, 10, hari(2026, 12, 31)).keadaan).toBe("belum-berjalan");
    expect(keadaanPeriode(2027, 12, true, 10, hari(2026, 12, 31)).keadaan).toBe("belum-berjalan");
    expect(keadaanPeriode(2026, 12, true, 10, hari(2026, 1, 1)).keadaan).toBe("berjalan");
    expect(keadaanPeriode(2026, 12, true, 10, hari(2026, 12, 31)).keadaan).toBe("berjalan");
    expect(keadaanPeriode(2026, 12, true, 10, hari(2027, 1, 10))).toEqual({ keadaan: "menunggu-laporan", batas: hari(2027, 1, 10) });
    expect(keadaanPeriode(2026, 12, true, 10, hari(2027, 1, 11)).keadaan).toBe("lewat-batas");
  });

  it("the kabupaten's deadline day, clamped to the next month's length", () => {
    expect(keadaanPeriode(2026, 1, false, 31, hari(2026, 2, 28))).toEqual({ keadaan: "menunggu-laporan", batas: hari(2026, 2, 28) });
    expect(keadaanPeriode(2026, 1, false, 31, hari(2026, 3, 1)).keadaan).toBe("lewat-batas");
    expect(keadaanPeriode(2028, 1, false, 31, hari(2028, 2, 29)).batas).toEqual(hari(2028, 2, 29));
    expect(keadaanPeriode(2026, 10, false, 1, hari(2026, 11, 2)).keadaan).toBe("lewat-batas");
  });
});
