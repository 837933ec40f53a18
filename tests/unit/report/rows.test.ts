import { describe, expect, it } from "vitest";
import { detailRows, periodeLabel, reportFilename, toSpmReports, totalRow, type ReportRow } from "@/lib/report/rows";
import { getIndikator } from "@/lib/spm/catalog";
import { SPM_CSV_HEADER, spmReportCsv } from "@/lib/report/spm-report";
import { parseCsv } from "@/lib/import/csv";
import { model } from "./fixture";

const cellOf = (row: ReportRow, kode: string) => row.cells.find((c) => c.indikator === kode)!;

describe("report model", () => {
  it("totals row is Σ realisasi / Σ sasaran (35 / 150 = 23,33 %), not the mean of 30 % and 10 %", () => {
    const m = model();
    const total = m.levels[0].total;
    expect(cellOf(total, "SPM-01")).toMatchObject({ realisasi: 35, sasaran: 150, capaian: 23.33, target: 50, kelas: "di-bawah" });
    expect(cellOf(total, "SPM-01").capaian).not.toBe(20);
  });

  it("totals row equals the unit computed from the summed values, indicator by indicator", () => {
    const m = model({ set: "semua" });
    expect(m.levels[0].total.cells).toEqual(m.unit.cells);
    expect(m.levels[0].total.indeks).toBe(m.unit.indeks);
  });

  it("sasaran 0 gives a null capaian in the row and in the total; over 100 % is kept and flagged", () => {
    const m = model();
    const [a] = detailRows(m);
    expect(cellOf(a, "SPM-02")).toMatchObject({ sasaran: 0, realisasi: 3, capaian: null, kelas: "tanpa-sasaran" });
    expect(cellOf(a, "SPM-07")).toMatchObject({ capaian: 150, kelas: "melebihi" });
    expect(cellOf(m.levels[0].total, "SPM-02").capaian).toBeNull();
    // 70 of 100 in total: the 150 % desa does not cap the aggregate.
    expect(cellOf(m.levels[0].total, "SPM-07")).toMatchObject({ realisasi: 70, sasaran: 100, capaian: 70, kelas: "tercapai" });
  });

  it("a jumlah indicator has no sasaran; its total adds the counts", () => {
    const m = model({ set: "semua" });
    expect(cellOf(m.levels[0].total, "PM-DBD")).toMatchObject({ sasaran: null, realisasi: 7, capaian: null });
  });

  it("December: the target line is 100 and the totals still aggregate Σ/Σ", () => {
    const m = model({ bulan: 12 });
    expect(m.setahun).toBe(true);
    expect(cellOf(m.levels[0].total, "SPM-01")).toMatchObject({ capaian: 23.33, target: 100 });
  });

  it("the indicator set: 12 SPM services in order, or the whole catalog", () => {
    expect(model().indikator.map((i) => i.kode)).toEqual(Array.from({ length: 12 }, (_, i) => `SPM-${String(i + 1).padStart(2, "0")}`));
    expect(model({ set: "semua" }).indikator).toHaveLength(25);
  });

  it("totalRow of no rows: nothing reported, no sasaran, no index", () => {
    const t = totalRow([getIndikator("SPM-01")!], [], 6, { kode: "X", nama: "X", tingkat: "desa" });
    expect(t.cells[0]).toMatchObject({ realisasi: 0, sasaran: null, capaian: null });
    expect(t.indeks).toBeNull();
  });
});

describe("report filename", () => {
  it.each([
    ["36.04", 2026, 6, "xlsx", "capaian-spm_36.04_2026-06.xlsx"],
    ["", 2026, 12, "pdf", "capaian-spm_nasional_2026-12.pdf"],
    ["P36043001", 2025, null, "csv", "capaian-spm_P36043001_2025.csv"],
  ] as const)("%s %d %s %s → %s", (kode, tahun, bulan, ext, name) => {
    expect(reportFilename(kode, tahun, bulan, ext)).toBe(name);
  });
});

describe("CSV of the model (DOMAIN.md §8)", () => {
  it("starts with a BOM, has exactly the contract columns, the unit then each desa, quotes commas", () => {
    const csv = spmReportCsv(toSpmReports(model()), true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv);
    expect(rows[0].fields).toEqual([...SPM_CSV_HEADER]);
    expect(rows[0].fields.join(",")).toBe("kode_wilayah,nama_wilayah,indikator,sasaran,realisasi,capaian,target");
    expect(rows).toHaveLength(1 + 3 * 12);
    expect(rows.slice(1, 13).every((r) => r.fields[0] === "P36043001")).toBe(true);
    const b01 = rows.find((r) => r.fields[0] === "36.04.30.2002" && r.fields[2] === "SPM-01")!;
    expect(b01.fields).toEqual(["36.04.30.2002", 'Sindangkarya, "Kulon"', "SPM-01", "50", "5", "10", "50"]);
    const a02 = rows.find((r) => r.fields[0] === "36.04.30.2001" && r.fields[2] === "SPM-02")!;
    expect(a02.fields.slice(3)).toEqual(["0", "3", "", "50"]);
  });
});

describe("periodeLabel", () => {
  const label = (tahun: number, bulan: number, setahun: boolean, iso: string, hariBatas = 10) => periodeLabel({ tahun, bulan, setahun, hariBatas, dibuat: new Date(iso) });

  it("a year is a full year only once its December reports are past their deadline (WIB)", () => {
    expect(label(2025, 12, true, "2026-12-06T10:00:00Z")).toBe("Tahun 2025 (setahun penuh, Januari–Desember)");
    expect(label(2026, 12, true, "2026-12-06T10:00:00Z")).toBe("Tahun 2026 (Januari–Desember; belum berakhir, data belum lengkap)");
    // 31 Dec 2026 17:00 UTC is 1 Jan 2027 00:00 in Jakarta: the year has ended, its December reports are due by 10 Jan.
    expect(label(2026, 12, true, "2026-12-31T16:59:59Z")).toContain("belum berakhir");
    expect(label(2026, 12, true, "2026-12-31T17:00:00Z")).toBe("Tahun 2026 (Januari–Desember; laporan masih bisa masuk s.d. 10 Januari 2027, data belum lengkap)");
    // The deadline day itself is still on time; the day after, the year is complete.
    expect(label(2026, 12, true, "2027-01-10T16:59:59Z")).toContain("s.d. 10 Januari 2027");
    expect(label(2026, 12, true, "2027-01-10T17:00:00Z")).toBe("Tahun 2026 (setahun penuh, Januari–Desember)");
  });

  it("a month: running, then its reports due until the kabupaten's deadline day, then complete", () => {
    expect(label(2026, 12, false, "2026-12-06T10:00:00Z")).toBe("Desember 2026 (kumulatif Januari–Desember; belum berakhir, data belum lengkap)");
    expect(label(2026, 11, false, "2026-12-06T10:00:00Z")).toBe("November 2026 (kumulatif Januari–November; laporan masih bisa masuk s.d. 10 Desember 2026, data belum lengkap)");
    expect(label(2026, 11, false, "2026-12-06T10:00:00Z", 5)).toBe("November 2026 (kumulatif Januari–November)");
    expect(label(2026, 7, false, "2026-12-06T10:00:00Z")).toBe("Juli 2026 (kumulatif Januari–Juli)");
    expect(label(2026, 1, false, "2026-12-06T10:00:00Z")).toBe("Januari 2026");
    expect(label(2026, 1, false, "2026-01-20T10:00:00Z")).toBe("Januari 2026 (belum berakhir, data belum lengkap)");
    // A deadline day past the end of the next month falls on its last day (31 → 28 Feb 2026).
    expect(label(2026, 1, false, "2026-02-27T10:00:00Z", 31)).toBe("Januari 2026 (laporan masih bisa masuk s.d. 28 Februari 2026, data belum lengkap)");
  });

  it("a period not yet begun says so: a year ahead has no data; a later month of the running year has the months before it", () => {
    expect(label(2027, 1, false, "2026-12-06T10:00:00Z")).toBe("Januari 2027 (belum berjalan, belum ada data)");
    expect(label(2027, 3, false, "2026-12-06T10:00:00Z")).toBe("Maret 2027 (kumulatif Januari–Maret; belum berjalan, belum ada data)");
    expect(label(2027, 12, true, "2026-12-06T10:00:00Z")).toBe("Tahun 2027 (Januari–Desember; belum berjalan, belum ada data)");
    // As the dashboard's "Periode ini belum berjalan" for the same month (components/dashboard/dashboard-page.tsx).
    expect(label(2026, 9, false, "2026-06-15T03:00:00Z")).toBe("September 2026 (kumulatif Januari–September; September belum berjalan, data belum lengkap)");
    expect(label(2026, 12, true, "2026-06-15T03:00:00Z")).toBe("Tahun 2026 (Januari–Desember; belum berakhir, data belum lengkap)");
  });
});
