import fs from "node:fs";
import ExcelJS from "exceljs";
import pg from "pg";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import { dhis2Values } from "@/lib/data/dhis2-export";
import { loadReport, loadReportParts } from "@/lib/data/report";
import { spmReport } from "@/lib/data/spm-report";
import { parseCsv } from "@/lib/import/csv";
import { formatPersenTabel } from "@/lib/i18n/format";
import { buildDataValueSet } from "@/lib/report/dhis2";
import { reportCsvStream } from "@/lib/report/csv-stream";
import { reportPdf } from "@/lib/report/pdf";
import { detailRows, toSpmReports, type ReportModel } from "@/lib/report/rows";
import { SPM_CSV_HEADER, spmReportCsv, type SpmReport } from "@/lib/report/spm-report";
import { reportXlsx } from "@/lib/report/xlsx";
import { INDIKATOR } from "@/lib/spm/catalog";
import { ANYAR, BANTEN, SERANG } from "./helpers";

// Exports of Kabupaten Serang, June 2026 (demo data), checked against the SPM report of lib/data.
// REPORT_OUT=/some/dir keeps the generated files for a look.
const Q = { kode: "36.04", tahun: 2026, bulan: 6, detail: "anak", indikator: "spm" } as const;
const CHILD = "P36043001";
let model: ReportModel;
let unit: SpmReport;
let child: SpmReport;
let client: pg.Client;

function keep(name: string, data: Buffer | string) {
  if (process.env.REPORT_OUT) fs.writeFileSync(`${process.env.REPORT_OUT}/${name}`, data);
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  [model, unit, child] = await Promise.all([loadReport(SERANG, Q), spmReport(SERANG, "36.04", 2026, 6), spmReport(SERANG, CHILD, 2026, 6)]);
});
afterAll(() => client.end());

/** The four numbers of each SPM service in a level-sheet row: Sasaran, Realisasi, Capaian %, Target %. */
function sheetNumbers(row: ExcelJS.Row) {
  return unit.layanan.map((_, i) => [3, 4, 5, 6].map((c) => row.getCell(c + i * 4).value));
}
const reportNumbers = (r: SpmReport) => r.layanan.map((l) => [l.sasaran, l.realisasi, l.capaian, l.target]);

describe("report model and exports of Kabupaten Serang, Juni 2026, per puskesmas", () => {
  it("the model: the unit equals spmReport; every puskesmas of the kabupaten is listed; totals equal the unit", () => {
    expect(model.wilayah).toEqual({ kode: "36.04", nama: "Kabupaten Serang", tingkat: "kabupaten" });
    expect(model.levels.map((l) => l.tingkat)).toEqual(["puskesmas"]);
    expect(toSpmReports(model)[0]).toEqual(unit);
    expect(detailRows(model).length).toBeGreaterThan(10);
    expect(model.levels[0].total.cells).toEqual(model.unit.cells);
    expect(model.unit.cells.some((c) => c.realisasi > 0)).toBe(true);
  });

  it("XLSX parsed back: Ringkasan, a puskesmas row and the totals row equal spmReport", async () => {
    const buf = await reportXlsx(model);
    keep("serang.xlsx", buf);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer); // exceljs types its input as ArrayBuffer; a Buffer is read the same
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ringkasan", "Per Puskesmas", "Metodologi"]);

    const ring = wb.getWorksheet("Ringkasan")!;
    unit.layanan.forEach((l, i) => {
      const row = ring.getRow(8 + i);
      expect(row.getCell(2).value).toBe(l.indikator);
      expect([5, 6, 7, 8].map((c) => row.getCell(c).value)).toEqual([l.sasaran, l.realisasi, l.capaian, l.target]);
    });
    expect(ring.getRow(8 + 13).getCell(7).value).toBe(unit.indeks);

    const sheet = wb.getWorksheet("Per Puskesmas")!;
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((r, n) => n > 8 && rows.push(r));
    expect(rows).toHaveLength(detailRows(model).length + 1);
    const pkm = rows.find((r) => r.getCell(1).value === CHILD)!;
    expect(pkm.getCell(2).value).toBe("Puskesmas Anyar");
    expect(sheetNumbers(pkm)).toEqual(reportNumbers(child));
    expect(pkm.getCell(3 + 12 * 4).value).toBe(child.indeks);
    const total = rows.at(-1)!;
    expect(sheetNumbers(total)).toEqual(reportNumbers(unit));
    expect(total.getCell(3 + 12 * 4).value).toBe(unit.indeks);
  });

  it("CSV round-trip (parseCsv): the contract columns, the unit then each puskesmas, numbers equal spmReport", () => {
    const csv = spmReportCsv(toSpmReports(model), true);
    keep("serang.csv", csv);
    expect(csv.startsWith("\uFEFFkode_wilayah,")).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    expect(header.fields).toEqual([...SPM_CSV_HEADER]);
    expect(rows).toHaveLength((1 + detailRows(model).length) * 12);
    const num = (s: string) => (s === "" ? null : Number(s));
    for (const r of [unit, child]) {
      const mine = rows.filter((x) => x.fields[0] === r.wilayah.kode);
      expect(mine.map((x) => [x.fields[1], x.fields[2]])).toEqual(r.layanan.map((l) => [r.wilayah.nama, l.indikator]));
      expect(mine.map((x) => x.fields.slice(3).map(num))).toEqual(reportNumbers(r));
    }
    expect(rows[0].fields[0]).toBe("36.04");
  });

  it("PDF: pages, the unit's name, a capaian figure and page numbers", async () => {
    const pdf = await reportPdf(model, "SPM-01");
    keep("serang.pdf", pdf);
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { totalPages, text } = await extractText(doc, { mergePages: true });
    // Summary page, the chart of SPM-01 per puskesmas, and one table page (31 puskesmas fit on one page).
    expect(totalPages).toBe(3);
    expect(text).toContain("Kabupaten Serang");
    const spm01 = unit.layanan[0].capaian;
    expect(spm01).not.toBeNull();
    expect(text).toContain(formatPersenTabel(spm01));
    expect(text).toContain(`Halaman 1 dari ${totalPages}`);
  });

  it("desa detail of a kabupaten: a puskesmas sheet and a desa sheet; desa totals equal the unit too", async () => {
    const m = await loadReport(SERANG, { ...Q, detail: "desa", indikator: "semua" });
    expect(m.levels.map((l) => l.tingkat)).toEqual(["puskesmas", "desa"]);
    expect(m.levels[1].total.cells).toEqual(m.unit.cells);
    expect(m.indikator).toHaveLength(INDIKATOR.length);
  });

  it("full year: bulan absent means figures to December and target 100", async () => {
    const m = await loadReport(SERANG, { ...Q, bulan: undefined });
    expect(m).toMatchObject({ bulan: 12, setahun: true });
    expect(m.unit.cells[0].target).toBe(100);
    expect(toSpmReports(m)[0]).toEqual(await spmReport(SERANG, "36.04", 2026, 12));
  });
});

describe("scope", () => {
  it("a puskesmas cannot export its kabupaten (report or DHIS2)", async () => {
    await expect(loadReport(ANYAR, Q)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(dhis2Values(ANYAR, "36.04", 2026, 6)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a puskesmas exports its own desa", async () => {
    const m = await loadReport(ANYAR, { ...Q, kode: CHILD });
    expect(detailRows(m).every((r) => r.tingkat === "desa")).toBe(true);
    expect(detailRows(m).length).toBeGreaterThan(0);
  });
});

describe("DHIS2 dataValueSets", () => {
  it("one value per counted nilai row of the unit and month, keyed by code, yyyyMM and desa code", async () => {
    const { values } = await dhis2Values(SERANG, "36.04", 2026, 6);
    const set = buildDataValueSet(values);
    keep("serang-dhis2.json", JSON.stringify(set, null, 1));
    const { rows } = await client.query<{ counted: number; all: number; total: string }>(
      `SELECT count(*) FILTER (WHERE dihitung)::int AS counted, count(*)::int AS "all", sum(nilai) FILTER (WHERE dihitung)::text AS total
       FROM nilai WHERE kabupaten_kode = '36.04' AND tahun = 2026 AND bulan = 6`,
    );
    expect(rows[0].counted).toBeGreaterThan(0);
    expect(set.dataValues).toHaveLength(rows[0].counted);
    expect(set.dataValues.reduce((s, v) => s + Number(v.value), 0)).toBe(Number(rows[0].total));
    const kodes = new Set(INDIKATOR.map((i) => i.kode));
    for (const v of set.dataValues) {
      expect(v.period).toBe("202606");
      expect(v.orgUnit).toMatch(/^36\.04\.\d{2}\.\d{4}$/);
      expect(kodes.has(v.dataElement)).toBe(true);
      expect(v.value).toMatch(/^\d+$/);
    }
  });

  it("drafts are left out", async () => {
    // Year 2029 holds no demo data: one DRAFT report with one value.
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO laporan (id, desa_kode, tahun, bulan, status, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode)
       SELECT gen_random_uuid(), kode, 2029, 3, 'DRAFT', puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode FROM desa WHERE kode = '36.04.30.2001'
       RETURNING id::text`,
    );
    await client.query(
      `INSERT INTO nilai (laporan_id, indikator_kode, nilai, desa_kode, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, tahun, bulan, dihitung)
       SELECT $1::uuid, 'SPM-01', 7, kode, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, 2029, 3, false FROM desa WHERE kode = '36.04.30.2001'`,
      [rows[0].id],
    );
    expect((await dhis2Values(ANYAR, CHILD, 2029, 3)).values).toEqual([]);
  });
});

describe("the largest demo export", () => {
  it("Banten at desa level as XLSX and PDF", async () => {
    const t0 = performance.now();
    const m = await loadReport(BANTEN, { kode: "36", tahun: 2026, bulan: 6, detail: "desa", indikator: "spm" });
    const t1 = performance.now();
    const xlsx = await reportXlsx(m);
    const t2 = performance.now();
    const pdf = await reportPdf(m);
    const t3 = performance.now();
    keep("banten-desa.xlsx", xlsx);
    keep("banten-desa.pdf", pdf);
    console.info(
      `Banten per desa: ${detailRows(m).length} desa; model ${Math.round(t1 - t0)} ms, XLSX ${Math.round(t2 - t1)} ms (${Math.round(xlsx.length / 1024)} KiB), PDF ${Math.round(t3 - t2)} ms (${Math.round(pdf.length / 1024)} KiB)`,
    );
    expect(m.levels.map((l) => l.tingkat)).toEqual(["kabupaten", "desa"]);
    expect(m.levels[1].total.cells).toEqual(m.unit.cells);
  });
});

describe("a desa-level export written one kabupaten at a time", () => {
  const q = { kode: "36", tahun: 2026, bulan: 6, detail: "desa", indikator: "semua" } as const;
  const now = new Date("2026-07-01T03:00:00Z");

  async function sheets(buf: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    return wb.worksheets.map((ws) => ({ name: ws.name, model: JSON.stringify(ws.model) }));
  }

  it("has the rows, the totals, the XLSX sheets and the CSV bytes of the report loaded whole", async () => {
    const whole = await loadReport(BANTEN, q, now);
    const { model, detail } = await loadReportParts(BANTEN, q, now);
    expect(detail?.tingkat).toBe("desa");
    expect(model.levels.map((l) => l.tingkat)).toEqual(["kabupaten"]);
    const parts: number[] = [];
    const rows = [];
    for await (const part of detail!.parts()) {
      parts.push(part.length);
      rows.push(...part);
    }
    expect(parts.length).toBe(whole.levels[0].rows.length); // one part per kabupaten of Banten
    expect(rows).toEqual(detailRows(whole));

    const [a, b] = await Promise.all([reportXlsx(whole), reportXlsx(model, detail)]);
    const [sa, sb] = await Promise.all([sheets(a), sheets(b)]);
    expect(sb.map((s) => s.name)).toEqual(["Ringkasan", "Per Kabupaten-Kota", "Per Desa", "Metodologi"]);
    expect(sb).toEqual(sa); // every cell's value, format, fill and font; merges, views, print setup

    const csv = Buffer.from(await new Response(reportCsvStream(model, detail)).arrayBuffer());
    expect(csv.equals(Buffer.from(spmReportCsv(toSpmReports(whole), true)))).toBe(true);
  });

  it("a kabupaten's desa level is not split: the model is whole", async () => {
    const { model, detail } = await loadReportParts(SERANG, { ...Q, detail: "desa" });
    expect(detail).toBeNull();
    expect(model.levels.map((l) => l.tingkat)).toEqual(["puskesmas", "desa"]);
  });
});
