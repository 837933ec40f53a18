import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { WEB_LIMITS, type ImportLimits } from "@/lib/import/limits";
import { readValues, VALUES_COLUMNS } from "@/lib/import/values";
import { importInput, MAX_WORKERS, refusalMessage, runningWorkers, xlsxToCsv, type XlsxRefusal } from "@/lib/import/xlsx";
import { isIndonesian } from "../../reliability/hostile-values";
import { bombXlsx, cell, sheetXlsx, VALUES_HEADER_ROW, workbookParts, zip } from "../../fixtures/xlsx";

// The bounded XLSX reader (issue 13), through the worker the server and the CLI use: what a normal
// workbook gives, and how each hostile shape is refused with its limit named.
const COLS = VALUES_COLUMNS;

async function refusal(bytes: Uint8Array, limits: ImportLimits = WEB_LIMITS): Promise<XlsxRefusal> {
  const r = await xlsxToCsv(bytes, COLS, limits);
  if (!("refusal" in r)) throw new Error(`accepted: ${r.csv.slice(0, 200)}`);
  return r.refusal;
}

async function csvOf(bytes: Uint8Array, limits: ImportLimits = WEB_LIMITS): Promise<string> {
  const r = await xlsxToCsv(bytes, COLS, limits);
  if ("refusal" in r) throw new Error(`refused: ${JSON.stringify(r.refusal)}`);
  return r.csv;
}

describe("a workbook saved by a spreadsheet program", () => {
  it("gives the CSV of the old reader: trimmed text, numbers, formula results, rich text, quoted commas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Nilai");
    ws.addRow([...COLS]);
    ws.addRow([" 36.04.30.2001 ", 2027, 1, "SPM-01", 5]);
    ws.addRow(["36.04.30.2002", 2027, { formula: "1+1", result: 2 }, { richText: [{ text: "SPM" }, { text: "-02" }] }, 7]);
    ws.addRow(["a,b", 2027, 3, 'x"y', 1.5]);
    wb.addWorksheet("Lain").addRow(["tidak", "dibaca"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await csvOf(bytes)).toBe(`${COLS.join(",")}\n36.04.30.2001,2027,1,SPM-01,5\n36.04.30.2002,2027,2,SPM-02,7\n"a,b",2027,3,"x""y",1.5\n`);
  });

  it("keeps Excel's row numbers: a gap of empty rows stays, so errors name the sheet's row", async () => {
    const bytes = sheetXlsx(`${VALUES_HEADER_ROW}<row r="7">${cell("A7", "36.04.30.2001")}${cell("B7", 2027)}${cell("C7", 1)}${cell("D7", "SPM-01")}${cell("E7", -1)}</row>`);
    const t = readValues(await csvOf(bytes));
    expect(t.rows.map((r) => r.line)).toEqual([7]);
  });

  it("a <dimension> claiming A1:XFD1048576 costs nothing when the cells sit in the contract's columns", async () => {
    const started = Date.now();
    const bytes = sheetXlsx(`${VALUES_HEADER_ROW}<row r="2">${cell("A2", "x")}<c r="F2"/><c r="XFD2"/></row>`, "A1:XFD1048576");
    expect(await csvOf(bytes)).toBe(`${COLS.join(",")}\nx,,,,\n`);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("hostile workbooks are refused with the limit they passed", () => {
  it("a 1 GB decompression bomb (1.5 MB, declaring 4 KB) stops at the inflated-size limit; this process stays small", async () => {
    const bomb = await bombXlsx(1024);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const r = await refusal(bomb);
    expect(r).toEqual({ code: "inflated", max: WEB_LIMITS.maxInflatedBytes });
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
    expect(refusalMessage(r, COLS)).toBe(IMPORT_MSG.xlsx.terlaluBesarTerbuka(64));
  }, 60_000);

  it("a 1 GB single text node (XML parsers hold a text node whole) stops at the same limit, the RSS bounded", async () => {
    const rss = process.memoryUsage().rss;
    expect((await refusal(await bombXlsx(1024, 4096, "text"))).code).toBe("inflated");
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024);
  }, 60_000);

  it("a bomb that declares its true size is refused before any inflation", async () => {
    const r = await refusal(await bombXlsx(128, 128 * 1024 * 1024));
    expect(r.code).toBe("inflated");
  }, 30_000);

  it("a sparse sheet with a cell at XFD1048576 is refused naming column XFD and row 1048576", async () => {
    const r = await refusal(sheetXlsx(`${VALUES_HEADER_ROW}<row r="1048576">${cell("XFD1048576", 1)}</row>`, "A1:XFD1048576"));
    expect(r).toMatchObject({ code: "columns", column: "XFD", row: 1048576, value: "1", header: false });
    expect(refusalMessage(r, COLS)).toContain("Kolom XFD di baris 1048576");
  });

  it("a row of 16,384 filled columns is refused at the first one beyond the contract (F)", async () => {
    const cells = Array.from({ length: 16384 }, (_, i) => `<c><v>${i}</v></c>`).join("");
    const r = await refusal(sheetXlsx(`${VALUES_HEADER_ROW}<row r="2">${cells}</row>`));
    expect(r).toMatchObject({ code: "columns", column: "F", row: 2, value: "5" });
  });

  it("an extra header column is refused by its name", async () => {
    const r = await refusal(sheetXlsx(`<row r="1">${COLS.map((c, i) => cell(`${"ABCDE"[i]}1`, c)).join("")}${cell("F1", "catatan")}</row>`));
    expect(r).toMatchObject({ code: "columns", column: "F", row: 1, value: "catatan", header: true });
    expect(refusalMessage(r, COLS)).toBe(IMPORT_MSG.xlsx.kolomTambahan("F", 1, "catatan", COLS));
  });

  it("a cell over the length limit, inline or shared, is refused naming the cell", async () => {
    const long = "9".repeat(WEB_LIMITS.maxCellChars + 1);
    expect(await refusal(sheetXlsx(`${VALUES_HEADER_ROW}<row r="2">${cell("E2", long)}</row>`))).toMatchObject({ code: "cell", column: "E2" });
    const shared = sheetXlsx(`${VALUES_HEADER_ROW}<row r="2"><c r="B2" t="s"><v>0</v></c></row>`, undefined, [long]);
    expect(await refusal(shared)).toMatchObject({ code: "cell", column: "B2" });
    // At the limit it is read.
    expect(await csvOf(sheetXlsx(`${VALUES_HEADER_ROW}<row r="2">${cell("E2", long.slice(1))}</row>`))).toContain(long.slice(1));
  });

  it("more rows than the limit are refused; empty rows do not count", async () => {
    const limits = { ...WEB_LIMITS, maxRows: 3 };
    const row = (r: number) => `<row r="${r}">${cell(`A${r}`, "x")}</row>`;
    expect(await csvOf(sheetXlsx(`${VALUES_HEADER_ROW}${row(2)}<row r="3"/><row r="4"></row>${row(5)}`), limits)).toContain("x");
    expect(await refusal(sheetXlsx(`${VALUES_HEADER_ROW}${row(2)}${row(3)}${row(4)}`), limits)).toEqual({ code: "rows", max: 3 });
  });

  it("a row numbered beyond Excel's last row (a 400-byte sheet claiming row 100,000,000) is refused, not padded to 100 million lines", async () => {
    const r = await refusal(sheetXlsx(`${VALUES_HEADER_ROW}<row r="100000000">${cell("A100000000", "36.04.30.2001")}</row>`));
    expect(r).toEqual({ code: "corrupt" });
    // Excel's last row itself is read (its empty rows before it stay lines: error line numbers follow the sheet).
    expect(await csvOf(sheetXlsx(`${VALUES_HEADER_ROW}<row r="1048576">${cell("A1048576", "x")}</row>`), { ...WEB_LIMITS, maxCsvChars: 2_000_000 })).toMatch(/\n{1048574}x,/);
  });

  it("a shared string repeated in every cell cannot multiply the CSV beyond its limit", async () => {
    const text = "7".repeat(900);
    const row = (r: number) => `<row r="${r}">${["A", "B", "C", "D", "E"].map((c) => `<c r="${c}${r}" t="s"><v>0</v></c>`).join("")}</row>`;
    const rows = Array.from({ length: 400 }, (_, i) => row(i + 2)).join("");
    const limits = { ...WEB_LIMITS, maxCsvChars: 1_000_000 };
    expect(await refusal(sheetXlsx(`${VALUES_HEADER_ROW}${rows}`, undefined, [text]), limits)).toEqual({ code: "inflated", max: 1_000_000 });
    expect(await csvOf(sheetXlsx(`${VALUES_HEADER_ROW}${rows}`, undefined, [text]), { ...limits, maxCsvChars: 2_000_000 })).toContain(text);
  });

  it("a zip with more entries than the limit is refused from its central directory", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from("<a/>") }));
    expect(await refusal(zip([...workbookParts(), ...many]))).toEqual({ code: "entries", max: 1000 });
  });

  it("an encrypted entry (flag bit 0) is refused as unsupported", async () => {
    const file = sheetXlsx(VALUES_HEADER_ROW);
    // Every central directory entry marked encrypted (the reader reads flags from there).
    for (let p = file.readUInt32LE(file.length - 22 + 16), n = file.readUInt16LE(file.length - 22 + 10); n > 0; n--) {
      file.writeUInt16LE(1, p + 8);
      p += 46 + file.readUInt16LE(p + 28) + file.readUInt16LE(p + 30) + file.readUInt16LE(p + 32);
    }
    expect((await refusal(file)).code).toBe("unsupported");
  });

  it("a PK header followed by garbage, or a sheet that is not XML, is corrupt", async () => {
    expect((await refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(2048).fill(7)]))).code).toBe("corrupt");
    const notXml = zip([...workbookParts(), { name: "xl/worksheets/sheet1.xml", data: Buffer.from("\u0000\u0001 bukan xml") }]);
    expect((await refusal(notXml)).code).toBe("corrupt");
  });

  it("a file that passes no byte limit but exhausts the worker's heap kills the worker only", async () => {
    const file = (n: number) => sheetXlsx(`${VALUES_HEADER_ROW}${Array.from({ length: n }, (_, i) => `<row r="${i + 2}">${cell(`A${i + 2}`, `desa-${i}-${"x".repeat(200)}`)}</row>`).join("")}`);
    const limits = { ...WEB_LIMITS, workerHeapMb: 8 };
    expect(await csvOf(file(100), limits)).toContain("desa-99-"); // the same heap reads a small file
    const r = await refusal(file(20000), limits);
    expect(r.code).toBe("memory");
    expect(refusalMessage(r, COLS)).toBe(IMPORT_MSG.xlsx.memori);
  }, 30_000);

  it("workers terminated at any instant while they inflate end alone (60 terminations at spread moments)", async () => {
    // With node:zlib, a worker ended while a zlib stream was being set up aborted this whole process once in
    // CI (Node's "close before init" assertion; in the server that is the server, for everyone). It did not
    // recur in 240 such terminations and 18 heap kills run here, so this cannot show the race; it holds
    // the property: the worker inflates in pure JavaScript (lib/import/worker/zip.mjs) and every
    // termination, wherever it lands, ends the worker alone.
    const bomb = await bombXlsx(64, 1024);
    const codes = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const r = await xlsxToCsv(bomb, COLS, { ...WEB_LIMITS, maxSeconds: 0.002 + (i % 20) * 0.004 });
      codes.add("refusal" in r ? r.refusal.code : "ok");
    }
    expect([...codes].every((c) => c === "time" || c === "inflated")).toBe(true);
    expect(codes.has("time")).toBe(true);
    expect(runningWorkers()).toBe(0);
  }, 120_000);

  it("a file that takes longer than the time limit is terminated", async () => {
    const r = await refusal(await bombXlsx(64, 1024), { ...WEB_LIMITS, maxSeconds: 0.05 });
    expect(r).toEqual({ code: "time", max: 0.05 });
  }, 30_000);
});

describe("concurrent uploads", () => {
  it(`at most ${MAX_WORKERS} workers read at once; beyond 8 waiting a file is refused as busy`, async () => {
    const bomb = await bombXlsx(64, 1024);
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, runningWorkers())), 5);
    const results = await Promise.all(Array.from({ length: MAX_WORKERS + 9 }, () => xlsxToCsv(bomb, COLS, { ...WEB_LIMITS, maxInflatedBytes: 8 * 1024 * 1024 })));
    clearInterval(timer);
    expect(peak).toBe(MAX_WORKERS);
    const codes = results.map((r) => ("refusal" in r ? r.refusal.code : "ok"));
    expect(codes.filter((c) => c === "busy")).toHaveLength(1);
    expect(codes.filter((c) => c === "inflated")).toHaveLength(MAX_WORKERS + 8);
    expect(runningWorkers()).toBe(0);
  }, 60_000);
});

describe("refusal messages", () => {
  it("every refusal code has a message a user reads as Indonesian (the hostile suite's check)", () => {
    const codes: XlsxRefusal["code"][] = ["inflated", "entries", "rows", "columns", "cell", "corrupt", "unsupported", "memory", "time", "busy"];
    const bad = codes.map((code) => [code, refusalMessage({ code, max: 10, row: 2, column: "F", value: "x" }, COLS)]).filter(([, m]) => !isIndonesian(m));
    expect(bad).toEqual([]);
    expect([IMPORT_MSG.barisTerlaluPanjang(10), IMPORT_MSG.terlaluBanyakBaris(10), IMPORT_MSG.badan.terlaluBesar(1024), IMPORT_MSG.badan.terlaluLambat(10)].filter((m) => !isIndonesian(m))).toEqual([]);
  });
});

describe("importInput", () => {
  it("passes a CSV through as its bytes and an XLSX as CSV text", async () => {
    const csv = new TextEncoder().encode("kode_desa;tahun\n");
    expect(await importInput(csv, COLS)).toEqual({ input: csv });
    expect(await importInput(sheetXlsx(VALUES_HEADER_ROW), COLS)).toEqual({ input: `${COLS.join(",")}\n` });
  });
  it("answers a refusal with its Indonesian message", async () => {
    expect(await importInput(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), COLS)).toEqual({ error: IMPORT_MSG.xlsx.rusak });
  });
});
