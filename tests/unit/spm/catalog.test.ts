import { describe, expect, it } from "vitest";
import { getIndikator, INDIKATOR, KLASTER, SPM_KODES } from "@/lib/spm/catalog";

describe("catalog", () => {
  it("lists the five klaster K1..K5 with their DOMAIN.md names", () => {
    expect(KLASTER).toEqual([
      { kode: "K1", nama: "Manajemen" },
      { kode: "K2", nama: "Ibu dan Anak" },
      { kode: "K3", nama: "Usia Dewasa dan Lansia" },
      { kode: "K4", nama: "Penanggulangan Penyakit Menular" },
      { kode: "K5", nama: "Lintas Klaster" },
    ]);
  });

  it("SPM_KODES is SPM-01..SPM-12 in order and heads INDIKATOR", () => {
    const expected = Array.from({ length: 12 }, (_, i) => `SPM-${String(i + 1).padStart(2, "0")}`);
    expect(SPM_KODES).toEqual(expected);
    expect(INDIKATOR.slice(0, 12).map((i) => i.kode)).toEqual(expected);
  });

  it("lists the cluster indicators after SPM in table order", () => {
    expect(INDIKATOR.slice(12).map((i) => i.kode)).toEqual([
      "KIA-K1", "KIA-KF", "KIA-KN1", "IMN-IDL", "GIZ-DS", "REM-SKR", "PTM-SKR",
      "PM-TBOBAT", "PM-DBD", "PM-DIARE", "KIA-KMI", "KIA-KMB", "GIZ-STUNT",
    ]);
  });

  it("codes are unique and urutan is 1..n in order", () => {
    expect(new Set(INDIKATOR.map((i) => i.kode)).size).toBe(INDIKATOR.length);
    expect(INDIKATOR.map((i) => i.urutan)).toEqual(INDIKATOR.map((_, i) => i + 1));
  });

  it("every SPM service is kumulatif, target 100, arah naik, with sub-kegiatan 1.02.02.2.02.00NN", () => {
    for (const [i, kode] of SPM_KODES.entries()) {
      const ind = getIndikator(kode);
      expect(ind).toMatchObject({ jenis: "kumulatif", target: 100, arah: "naik", spm: true });
      expect(ind?.subKegiatan).toBe(`1.02.02.2.02.00${String(i + 1).padStart(2, "0")}`);
      expect(ind?.basis).not.toBeNull();
      expect(ind?.basisLabel).toBeTruthy();
    }
    expect(getIndikator("SPM-11")?.subKegiatan).toBe("1.02.02.2.02.0011");
  });

  it("SPM denominators and klaster follow the table (SPM-08 hipertensi K3, SPM-12 risiko HIV K4)", () => {
    const basis = SPM_KODES.map((k) => [getIndikator(k)?.basis, getIndikator(k)?.klaster]);
    expect(basis).toEqual([
      ["ibu_hamil", "K2"], ["ibu_bersalin", "K2"], ["bayi_baru_lahir", "K2"], ["balita", "K2"],
      ["usia_dikdas", "K2"], ["usia_produktif", "K3"], ["lansia", "K3"], ["hipertensi", "K3"],
      ["dm", "K3"], ["odgj_berat", "K3"], ["terduga_tb", "K4"], ["risiko_hiv", "K4"],
    ]);
  });

  it("GIZ-DS is bulanan with target 85 on balita", () => {
    expect(getIndikator("GIZ-DS")).toMatchObject({ jenis: "bulanan", target: 85, basis: "balita", spm: false, subKegiatan: null });
  });

  it("cluster kumulatif indicators have target 100 and the table's sasaran", () => {
    const rows = ["KIA-K1", "KIA-KF", "KIA-KN1", "IMN-IDL", "REM-SKR", "PTM-SKR"].map((k) => {
      const i = getIndikator(k);
      return [k, i?.klaster, i?.jenis, i?.basis, i?.target];
    });
    expect(rows).toEqual([
      ["KIA-K1", "K2", "kumulatif", "ibu_hamil", 100],
      ["KIA-KF", "K2", "kumulatif", "ibu_bersalin", 100],
      ["KIA-KN1", "K2", "kumulatif", "bayi_baru_lahir", 100],
      ["IMN-IDL", "K2", "kumulatif", "bayi", 100],
      ["REM-SKR", "K2", "kumulatif", "remaja", 100],
      ["PTM-SKR", "K3", "kumulatif", "usia_15_plus", 100],
    ]);
  });

  it("jumlah indicators have no basis, target 0, and lower-is-better ones arah turun", () => {
    const jumlah = INDIKATOR.filter((i) => i.jenis === "jumlah");
    expect(jumlah.map((i) => i.kode)).toEqual(["PM-TBOBAT", "PM-DBD", "PM-DIARE", "KIA-KMI", "KIA-KMB", "GIZ-STUNT"]);
    for (const i of jumlah) expect(i).toMatchObject({ basis: null, basisLabel: null, target: 0, spm: false });
    expect(jumlah.filter((i) => i.arah === "turun").map((i) => i.kode)).toEqual(["PM-DBD", "KIA-KMI", "KIA-KMB", "GIZ-STUNT"]);
    expect(INDIKATOR.filter((i) => i.jenis !== "jumlah").every((i) => i.arah === "naik")).toBe(true);
  });

  it("getIndikator returns undefined for an unknown code (case-sensitive)", () => {
    expect(getIndikator("SPM-13")).toBeUndefined();
    expect(getIndikator("spm-01")).toBeUndefined();
  });

  it("the catalog is frozen", () => {
    expect(Object.isFrozen(INDIKATOR)).toBe(true);
    expect(Object.isFrozen(INDIKATOR[0])).toBe(true);
  });
});
