import { describe, expect, it } from "vitest";
import { catatanPeriode, DASHBOARD } from "@/lib/i18n/dashboard";
import { keadaanPeriode } from "@/lib/spm/kelengkapan";

const catatan = (tahun: number, bulan: number, hari: { tahun: number; bulan: number; hari: number }, hariBatas = 10) => {
  const { keadaan, batas } = keadaanPeriode(tahun, bulan, false, hariBatas, hari);
  return catatanPeriode(keadaan, batas);
};

describe("the dashboard's notice for a period that is not complete (the export labels' states)", () => {
  const today = { tahun: 2026, bulan: 12, hari: 6 };
  it("a month ahead, this month, last month within its deadline, then none", () => {
    expect(catatan(2027, 1, today)).toBe(DASHBOARD.periodeMendatang);
    expect(catatan(2026, 12, today)).toBe(DASHBOARD.periodeBerjalan);
    expect(catatan(2026, 11, today)).toBe("Laporan bulan ini masih bisa masuk sampai 10 Desember 2026 (batas kirim): capaian dan status PWS di bawah bisa masih bertambah.");
    expect(catatan(2026, 11, { tahun: 2026, bulan: 12, hari: 11 })).toBeNull();
    expect(catatan(2026, 11, today, 5)).toBeNull();
    expect(catatan(2026, 10, today)).toBeNull();
  });
});
