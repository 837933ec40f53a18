import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import { loadDashboard } from "@/lib/data/dashboard";
import { spmReport } from "@/lib/data/spm-report";
import { roundForDisplay } from "@/lib/i18n/format";
import { ADMIN, ANYAR, BANTEN, SERANG } from "./helpers";

const TODAY = { tahun: 2026, bulan: 7 };

describe("dashboard figures equal the engine's report", () => {
  for (const [actor, kode] of [[ADMIN, ""], [BANTEN, "36"], [SERANG, "36.04"], [SERANG, "36.04.30"], [ANYAR, "P36043001"], [ANYAR, "36.04.30.2001"]] as const) {
    it(`${kode || "nasional"}: cards and indeks match spm-report for June 2026`, async () => {
      const [d, r] = await Promise.all([loadDashboard(actor, kode, 2026, 6, TODAY), spmReport(actor, kode, 2026, 6)]);
      for (const l of r.layanan) {
        const f = d.unit.figures.find((x) => x.indikator === l.indikator)!;
        // The page rounds once when it formats (lib/i18n/format): the same numbers the API rounds exactly.
        const shown = (n: number | null) => (n === null ? null : roundForDisplay(n));
        expect({ sasaran: f.sasaran, realisasi: f.realisasi, capaian: shown(f.capaian), target: shown(f.target) }).toEqual({
          sasaran: l.sasaran,
          realisasi: l.realisasi,
          capaian: l.capaian,
          target: l.target,
        });
      }
      expect(d.unit.indeks.indeksRounded).toBe(r.indeks);
    });
  }

  it("children add up to the unit (Σ realisasi and Σ sasaran of the desa of a puskesmas)", async () => {
    const d = await loadDashboard(ANYAR, "P36043001", 2026, 6, TODAY);
    expect(d.children.length).toBeGreaterThan(0); // an empty list would add up to 0 and pass for a unit of 0
    for (const kode of ["SPM-01", "SPM-08", "GIZ-DS"]) {
      const unit = d.unit.figures.find((f) => f.indikator === kode)!;
      const sum = (k: "realisasi" | "sasaran") => d.children.reduce((s, c) => s + (c.figures.find((f) => f.indikator === kode)![k] ?? 0), 0);
      expect(sum("realisasi")).toBe(unit.realisasi);
      expect(sum("sasaran")).toBe(unit.sasaran);
    }
    expect(d.children.every((c) => c.lalu !== null)).toBe(true);
  });

  it("series ends at the month's capaian; completeness is a percentage of desa × months elapsed", async () => {
    const d = await loadDashboard(SERANG, "36.04", 2026, 6, TODAY);
    const s = d.unit.series!["SPM-01"];
    expect(s).toHaveLength(6);
    expect(s[5].capaian).toBe(d.unit.figures.find((f) => f.indikator === "SPM-01")!.capaian);
    expect(d.laporan.kelengkapan).toBeGreaterThan(50);
    expect(d.laporan.kelengkapan).toBeLessThanOrEqual(100);
  });

  it("refuses a unit outside the scope", async () => {
    await expect(loadDashboard(ANYAR, "36.04", 2026, 6, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadDashboard(SERANG, "17.07", 2026, 6, TODAY)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
