import { describe, expect, it } from "vitest";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { CsvLimitError, detectDelimiter, parseCsv } from "@/lib/import/csv";
import { readTable } from "@/lib/import/rows";
import { WEB_LIMITS } from "@/lib/import/limits";

// Delimiter detection (Excel in Indonesian regional settings saves `;`) and the bounds on an untrusted CSV.
const COLS = ["kode_desa", "tahun", "bulan", "indikator", "nilai"] as const;

describe("detectDelimiter: from the header line only", () => {
  it("a comma header stays a comma file even when data lines hold semicolons", () => {
    expect(detectDelimiter("kode_desa,tahun,bulan,indikator,nilai\n36.04;2027;1;SPM-01;5\n")).toBe(",");
  });
  it("a semicolon header (Excel, Indonesian regional settings) is read as `;`", () => {
    expect(detectDelimiter("kode_desa;tahun;bulan;indikator;nilai\r\n36.04.30.2001;2027;1;SPM-01;5\r\n")).toBe(";");
  });
  it("a tab header is read as a tab; a header with none of them falls back to a comma", () => {
    expect(detectDelimiter("kode_desa\ttahun\tbulan\n")).toBe("\t");
    expect(detectDelimiter("kode_desa\n1\n")).toBe(",");
    expect(detectDelimiter("")).toBe(",");
  });
  it("empty lines before the header are skipped (an XLSX whose header sits on row 3)", () => {
    expect(detectDelimiter("\r\n\nkode_desa;tahun\n1;2\n")).toBe(";");
  });
  it("a semicolon after the header line does not count (the header decides)", () => {
    expect(detectDelimiter("kode_desa\ttahun\n1;2\n")).toBe("\t");
  });
});

describe("readTable with `;` and tab files", () => {
  it("reads a semicolon file like the comma file, decimal comma left in its field", () => {
    const t = readTable("kode_desa;tahun;bulan;indikator;nilai\r\n36.04.30.2001;2027;1;SPM-01;5\r\n36.04.30.2002;2027;1;SPM-01;1,5\r\n", COLS);
    expect(t.delimiter).toBe(";");
    expect(t.errors).toEqual([]);
    expect(t.rows.map((r) => r.fields.nilai)).toEqual(["5", "1,5"]);
  });
  it("a quoted semicolon inside a field is data", () => {
    const t = readTable('kode_desa;tahun;bulan;indikator;nilai\n"36.04;x";2027;1;SPM-01;5\n', COLS);
    expect(t.rows[0].fields.kode_desa).toBe("36.04;x");
  });
  it("reads a tab file", () => {
    const t = readTable("kode_desa\ttahun\tbulan\tindikator\tnilai\n36.04.30.2001\t2027\t1\tSPM-01\t5\n", COLS);
    expect(t.delimiter).toBe("\t");
    expect(t.rows[0].fields.indikator).toBe("SPM-01");
  });
  it("the comma contract is unchanged: a semicolon in a comma file's field stays in the field", () => {
    const t = readTable("kode_desa,tahun,bulan,indikator,nilai\n36.04.30.2001,2027,1,SPM;01,5\n", COLS);
    expect(t.delimiter).toBe(",");
    expect(t.rows[0].fields.indikator).toBe("SPM;01");
  });
  it("a mixed file (`;` header, `,` rows) gets one column-count error per row, naming the count", () => {
    const t = readTable("kode_desa;tahun;bulan;indikator;nilai\n36.04.30.2001,2027,1,SPM-01,5\n", COLS);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0].message).toBe(IMPORT_MSG.jumlahKolom(1, 5));
  });
});

describe("parseCsv limits", () => {
  it("a line one character over the limit is refused with its line number; at the limit it is read", () => {
    expect(parseCsv(`a,b\n${"x".repeat(10)}\n`, ",", { maxLineChars: 10 })).toHaveLength(2);
    expect(() => parseCsv(`a,b\n${"x".repeat(11)}\n`, ",", { maxLineChars: 10 })).toThrow(CsvLimitError);
    try {
      parseCsv(`a,b\nc,d\n${"x".repeat(11)}`, ",", { maxLineChars: 10 });
    } catch (e) {
      expect((e as CsvLimitError).line).toBe(3);
      expect((e as CsvLimitError).limit).toBe("lineChars");
    }
  });
  it("a line inside quotes counts too (a field never closed on a 50 MB line stops early)", () => {
    const started = Date.now();
    expect(() => parseCsv(`a,b\n"${"x".repeat(50 * 1024 * 1024)}`, ",", { maxLineChars: 10_000 })).toThrow(CsvLimitError);
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it("rows beyond maxRows are refused; empty lines are not rows", () => {
    expect(parseCsv("h\n1\n\n\n2\n", ",", { maxRows: 3 })).toHaveLength(3);
    expect(() => parseCsv("h\n1\n2\n3\n", ",", { maxRows: 3 })).toThrow(CsvLimitError);
  });
});

describe("readTable limits: one Indonesian file error, no rows", () => {
  it("a 50 MB single line is refused as too long", () => {
    const t = readTable(`kode_desa,tahun,bulan,indikator,nilai\n${"9".repeat(50 * 1024 * 1024)}\n`, COLS);
    expect(t.fatal).toBe(true);
    expect(t.errors).toEqual([{ line: 2, column: null, message: IMPORT_MSG.barisTerlaluPanjang(WEB_LIMITS.maxLineChars), value: null }]);
  });
  it("more rows than the limit are refused, naming the limit", () => {
    const body = "36.04.30.2001,2027,1,SPM-01,5\n".repeat(11);
    const t = readTable(`kode_desa,tahun,bulan,indikator,nilai\n${body}`, COLS, { ...WEB_LIMITS, maxRows: 10 });
    expect(t.fatal).toBe(true);
    expect(t.errors[0].message).toBe(IMPORT_MSG.terlaluBanyakBaris(10));
    expect(t.errors[0].message).toContain("lebih dari 10 baris");
  });
});
