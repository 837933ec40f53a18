import { describe, expect, it } from "vitest";
import * as spm from "@/lib/spm";

describe("lib/spm index", () => {
  it("re-exports the public API other modules are written against", () => {
    const names = [
      "KLASTER", "INDIKATOR", "SPM_KODES", "getIndikator",
      "KELOMPOK_PENDUDUK", "PARAMETER_DEFAULT", "estimateSasaran", "resolveSasaran",
      "realisasi", "capaianRatio", "capaian", "roundHalfAwayFromZero", "capaianRounded", "targetLine",
      "onTrack", "melebihiSasaran", "aggregate", "indeksSpm", "trenPws", "statusPws",
      "kelengkapan", "ketepatan", "monthsElapsed", "deadlineOf", "terlambat", "computeFigure",
      "KELAS_CAPAIAN", "kelasCapaian", "adaNilai", "realisasiBerjalan",
    ];
    for (const name of names) expect(spm, name).toHaveProperty(name);
  });

  it("keeps the rational helpers under one namespace (no bare min/sum/compare)", () => {
    expect(spm.rationals.toNumber(spm.rationals.rational(1, 4))).toBe(0.25);
    expect(spm).not.toHaveProperty("min");
    expect(spm).not.toHaveProperty("compare");
  });
});
