import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { csvField, csvRow, neutraliseFormula, xlsxCell } from "@/lib/report/csv-field";
import { spmReportCsv, type SpmReport } from "@/lib/report/spm-report";
import { reportXlsx } from "@/lib/report/xlsx";
import { parseCsv } from "@/lib/import/csv";
import { model } from "./fixture";

describe("csvField: the one CSV field writer", () => {
  it("null and undefined are empty; numbers stay numbers with a dot decimal separator", () => {
    expect(csvRow([null, undefined, 0, 45.01, -3, 1200])).toBe(",,0,45.01,-3,1200");
  });

  it("quotes text with a comma, quote, CR or LF, doubling quotes", () => {
    expect(csvField('Sindangkarya, "Kulon"')).toBe('"Sindangkarya, ""Kulon"""');
    expect(csvField("a\nb")).toBe('"a\nb"');
  });

  it.each(["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])("neutralises a text cell starting like a formula: %j", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(csvField(text).replace(/^"|"$/g, "").startsWith("'")).toBe(true);
  });

  it("a formula with a comma is neutralised and then quoted", () => {
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
  });

  it("Kemendagri and indicator codes are written unchanged (36.04, 36.04.30.2001, SPM-01, P36043001)", () => {
    expect(csvRow(["36.04", "36.04.30.2001", "SPM-01", "P36043001", "1.02.02.2.02.0011"])).toBe("36.04,36.04.30.2001,SPM-01,P36043001,1.02.02.2.02.0011");
  });

  it("a negative number is a number (no quote), the text '-5' is neutralised", () => {
    expect(csvField(-5)).toBe("-5");
    expect(csvField("-5")).toBe("'-5");
  });

  it("neutralise: false keeps the text as typed (CSV that Pantau's own importer reads back)", () => {
    expect(csvField("-5", { neutralise: false })).toBe("-5");
    expect(csvField("=1,2", { neutralise: false })).toBe('"=1,2"');
  });

  it("rejects NaN and Infinity rather than writing them", () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });

  it("xlsxCell neutralises strings only", () => {
    expect(xlsxCell("=cmd")).toBe("'=cmd");
    expect(xlsxCell(-1)).toBe(-1);
    expect(xlsxCell(null)).toBeNull();
  });
});

describe("exports neutralise formula text from the database", () => {
  const hostile: SpmReport = {
    wilayah: { kode: "36.04", nama: "=HYPERLINK(\"http://evil\")", tingkat: "kabupaten" },
    tahun: 2026,
    bulan: 6,
    layanan: [{ indikator: "SPM-01", nama: "x", sasaran: 10, realisasi: -0, capaian: null, target: 50 }],
    indeks: null,
  };

  it("SPM report CSV: the header and column formats are unchanged; a hostile name gets a leading '", () => {
    const rows = parseCsv(spmReportCsv([hostile]));
    expect(rows[0].fields).toEqual(["kode_wilayah", "nama_wilayah", "indikator", "sasaran", "realisasi", "capaian", "target"]);
    expect(rows[1].fields).toEqual(["36.04", "'=HYPERLINK(\"http://evil\")", "SPM-01", "10", "0", "", "50"]);
  });

  it("XLSX: a desa named like a formula is written as neutralised text; numbers stay numbers", async () => {
    const m = model({ detail: "desa" });
    m.levels[0].rows[0] = { ...m.levels[0].rows[0], nama: "@SUM(1+1)" };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(m)) as unknown as ArrayBuffer); // exceljs' types want ArrayBuffer
    const sheet = wb.worksheets.find((w) => w.name.startsWith("Per "))!;
    const texts: unknown[] = [];
    sheet.eachRow((row) => texts.push(row.getCell(2).value));
    expect(texts).toContain("'@SUM(1+1)");
    expect(texts).not.toContain("@SUM(1+1)");
  });
});
