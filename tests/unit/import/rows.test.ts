import { describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { IMPORT_MSG } from "@/lib/i18n/import";
import {
  bulanOf,
  decodeText,
  desaOf,
  validateTable,
  readTable,
  tahunOf,
  wholeNumber,
  type DesaInfo,
  type ImportIssue,
} from "@/lib/import/rows";

// File-level reading (encoding, header, field counts) and the shared field rules.
const COLS = ["kode_desa", "tahun", "bulan", "indikator", "nilai"] as const;
const HEADER = COLS.join(",");
const utf8 = (s: string) => new TextEncoder().encode(s);

function only(errors: ImportIssue[]): ImportIssue {
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe("readTable: encoding and content", () => {
  it("reads a plain LF file with line numbers as in the file (header = 1)", () => {
    const t = readTable(`${HEADER}\n36.04.30.2001,2027,1,SPM-01,5\n36.04.30.2002,2027,1,SPM-01,6\n`, COLS);
    expect(t.fatal).toBe(false);
    expect(t.errors).toEqual([]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(t.rows[1].fields).toEqual({ kode_desa: "36.04.30.2002", tahun: "2027", bulan: "1", indikator: "SPM-01", nilai: "6" });
  });

  it("accepts a UTF-8 BOM in bytes and in a string", () => {
    const text = `\ufeff${HEADER}\n36.04.30.2001,2027,1,SPM-01,5\n`;
    for (const input of [text, utf8(text)]) {
      const t = readTable(input, COLS);
      expect(t.errors).toEqual([]);
      expect(t.rows[0].fields.kode_desa).toBe("36.04.30.2001");
    }
  });

  it("accepts CRLF line ends and a missing final newline", () => {
    const t = readTable(`${HEADER}\r\n36.04.30.2001,2027,1,SPM-01,5\r\n36.04.30.2001,2027,2,SPM-01,7`, COLS);
    expect(t.rows.map((r) => [r.line, r.fields.nilai])).toEqual([[2, "5"], [3, "7"]]);
  });

  it("accepts quoted fields, doubled quotes and a quoted newline (later line numbers shift)", () => {
    const t = readTable(`${HEADER}\n"36.04.30.2001","2027","1","SPM-01","5"\n"a\nb",2027,1,"x""y",1\n36.04.30.2001,2027,2,SPM-01,1\n`, COLS);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(t.rows[1].fields.kode_desa).toBe("a\nb");
    expect(t.rows[1].fields.indikator).toBe('x"y');
  });

  it("refuses a 0-byte file, a whitespace-only file and a BOM-only file as empty", () => {
    for (const input of ["", "  \n\r\n", "\ufeff", new Uint8Array(0)]) {
      const t = readTable(input, COLS);
      expect(t.fatal).toBe(true);
      expect(only(t.errors)).toEqual({ line: null, column: null, message: IMPORT_MSG.berkasKosong, value: null });
    }
  });

  it("refuses a header without data rows (trailing empty lines and ,,,, lines ignored)", () => {
    for (const input of [`${HEADER}\n`, `${HEADER}\n\n,,,,\n`]) {
      const t = readTable(input, COLS);
      expect(t.fatal).toBe(true);
      expect(only(t.errors).message).toBe(IMPORT_MSG.tanpaBarisData);
    }
  });

  it("refuses NUL bytes as one binary-file error", () => {
    const bytes = utf8(`${HEADER}\n36.04.30.2001,2027,1,SPM-01,5\n`);
    bytes[20] = 0;
    const t = readTable(bytes, COLS);
    expect(t.fatal).toBe(true);
    expect(only(t.errors).message).toBe(IMPORT_MSG.bukanTeks);
  });

  it("refuses invalid UTF-8 (a Latin-1 export) as one file error", () => {
    const bytes = Uint8Array.from([...utf8(`${HEADER}\n36.04.30.2001,2027,1,SPM-01,5\n`), 0xe9, 0x0a]);
    const t = readTable(bytes, COLS);
    expect(only(t.errors)).toMatchObject({ line: null, message: IMPORT_MSG.bukanUtf8 });
  });

  it("refuses random bytes with exactly one clear error", () => {
    let seed = 7;
    const garbage = Uint8Array.from({ length: 64 * 1024 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const t = readTable(garbage, COLS);
    expect(t.fatal).toBe(true);
    expect([IMPORT_MSG.bukanTeks, IMPORT_MSG.bukanUtf8]).toContain(only(t.errors).message);
  });

  it("refuses control characters in a decoded string", () => {
    expect(decodeText(`${HEADER}\n\u0001`)).toHaveProperty("error");
    expect(decodeText(`${HEADER}\n\t`)).toEqual({ text: `${HEADER}\n\t` });
  });

  it("reports an unclosed quote as a broken CSV at its line", () => {
    const t = readTable(`${HEADER}\n36.04.30.2001,2027,1,SPM-01,5\n"36.04.30.2001,2027,1,SPM-01,5\n`, COLS);
    expect(t.fatal).toBe(true);
    expect(only(t.errors)).toMatchObject({ line: 3, column: null });
  });

  it("reports a row with the wrong number of fields and keeps reading the others", () => {
    const t = readTable(`${HEADER}\n36.04.30.2001,2027,1,SPM-01\n36.04.30.2001,2027,1,SPM-01,5,9\n36.04.30.2001,2027,1,SPM-01,5\n`, COLS);
    expect(t.fatal).toBe(false);
    expect(t.errors).toEqual([
      { line: 2, column: null, message: IMPORT_MSG.jumlahKolom(4, 5), value: "36.04.30.2001,2027,1,SPM-01" },
      { line: 3, column: null, message: IMPORT_MSG.jumlahKolom(6, 5), value: "36.04.30.2001,2027,1,SPM-01,5,9" },
    ]);
    expect(t.rows.map((r) => r.line)).toEqual([4]);
  });
});

describe("readTable: header variants", () => {
  it("accepts the columns in any order", () => {
    const t = readTable("nilai,indikator,bulan,tahun,kode_desa\n5,SPM-01,1,2027,36.04.30.2001\n", COLS);
    expect(t.rows[0].fields).toEqual({ kode_desa: "36.04.30.2001", tahun: "2027", bulan: "1", indikator: "SPM-01", nilai: "5" });
  });

  it("accepts names with surrounding spaces, in capitals or quoted", () => {
    const t = readTable(' KODE_DESA ,Tahun,"bulan",indikator,nilai\n36.04.30.2001,2027,1,SPM-01,5\n', COLS);
    expect(t.errors).toEqual([]);
    expect(t.rows).toHaveLength(1);
  });

  it("names a missing column", () => {
    const t = readTable("kode_desa,tahun,bulan,indikator\n36.04.30.2001,2027,1,SPM-01\n", COLS);
    expect(t.fatal).toBe(true);
    expect(only(t.errors)).toEqual({ line: 1, column: "nilai", message: IMPORT_MSG.kolomHilang("nilai", COLS), value: null });
  });

  it("names an unknown column (a misspelling gives missing + unknown)", () => {
    const t = readTable("kode_desa,tahun,bulan,indikator,nilai,catatan\n36.04.30.2001,2027,1,SPM-01,5,x\n", COLS);
    expect(only(t.errors)).toMatchObject({ line: 1, column: "catatan" });
    const typo = readTable("kode_desa,tahun,bulan,indicator,nilai\n36.04.30.2001,2027,1,SPM-01,5\n", COLS);
    expect(typo.errors.map((e) => e.column)).toEqual(["indikator", "indicator"]);
  });

  it("refuses a column given twice", () => {
    const t = readTable("kode_desa,tahun,bulan,indikator,nilai,nilai\n36.04.30.2001,2027,1,SPM-01,5,5\n", COLS);
    expect(only(t.errors)).toMatchObject({ line: 1, column: "nilai", message: IMPORT_MSG.kolomGanda("nilai") });
  });

  it("refuses a file without a header (data in line 1) with every column named", () => {
    const t = readTable("36.04.30.2001,2027,1,SPM-01,5\n", COLS);
    expect(t.fatal).toBe(true);
    expect(t.errors.filter((e) => e.message.startsWith('Kolom "') && e.message.includes("tidak ada"))).toHaveLength(5);
  });
});

describe("wholeNumber", () => {
  const check = (raw: string) => {
    const errors: ImportIssue[] = [];
    const n = wholeNumber(raw, 2, "nilai", errors);
    return { n, message: errors[0]?.message };
  };

  it.each([
    ["0", 0],
    ["7", 7],
    [" 12 ", 12],
    ["007", 7],
    ["-0", 0],
    ["2147483647", 2147483647],
  ])("accepts %j", (raw, n) => expect(check(raw)).toEqual({ n, message: undefined }));

  it.each([
    ["", IMPORT_MSG.kosong],
    ["  ", IMPORT_MSG.kosong],
    ["-1", IMPORT_MSG.negatif],
    ["1.5", IMPORT_MSG.bukanBilanganBulat],
    ["1,5", IMPORT_MSG.bukanBilanganBulat],
    ["1.000", IMPORT_MSG.bukanBilanganBulat],
    ["5.0", IMPORT_MSG.bukanBilanganBulat],
    ["-1.5", IMPORT_MSG.bukanBilanganBulat],
    ["abc", IMPORT_MSG.bukanBilanganBulat],
    ["+5", IMPORT_MSG.bukanBilanganBulat],
    ["1e3", IMPORT_MSG.bukanBilanganBulat],
    ["0x10", IMPORT_MSG.bukanBilanganBulat],
    ["١٢", IMPORT_MSG.bukanBilanganBulat],
    ["2147483648", IMPORT_MSG.terlaluBesar],
    ["99999999999999999999999", IMPORT_MSG.terlaluBesar],
  ])("refuses %j", (raw, message) => expect(check(raw)).toEqual({ n: null, message }));

  it("keeps the raw text, line and column in the error", () => {
    const errors: ImportIssue[] = [];
    wholeNumber(" 1.5", 9, "sasaran", errors);
    expect(errors).toEqual([{ line: 9, column: "sasaran", message: IMPORT_MSG.bukanBilanganBulat, value: " 1.5" }]);
  });
});

describe("tahun and bulan", () => {
  it("accepts tahun 2000..2100 and refuses 1999, 2101 and 26", () => {
    const errors: ImportIssue[] = [];
    expect([tahunOf("2000", 2, errors), tahunOf("2100", 2, errors)]).toEqual([2000, 2100]);
    expect([tahunOf("1999", 3, errors), tahunOf("2101", 4, errors), tahunOf("26", 5, errors)]).toEqual([null, null, null]);
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, "tahun", IMPORT_MSG.tahunDiLuarRentang],
      [4, "tahun", IMPORT_MSG.tahunDiLuarRentang],
      [5, "tahun", IMPORT_MSG.tahunDiLuarRentang],
    ]);
  });

  it("accepts bulan 1 and 12 (December) and refuses 0 and 13", () => {
    const errors: ImportIssue[] = [];
    expect([bulanOf("1", 2, errors), bulanOf("12", 2, errors), bulanOf("0", 3, errors), bulanOf("13", 4, errors)]).toEqual([1, 12, null, null]);
    expect(errors.map((e) => e.message)).toEqual([IMPORT_MSG.bulanDiLuarRentang, IMPORT_MSG.bulanDiLuarRentang]);
  });
});

describe("desaOf and scope", () => {
  const anyar: DesaInfo = { kode: "36.04.30.2001", puskesmasKode: "P36043001", kecamatanKode: "36.04.30", kabupatenKode: "36.04", provinsiKode: "36" };
  const lebong: DesaInfo = { kode: "17.07.01.2001", puskesmasKode: "P17070101", kecamatanKode: "17.07.01", kabupatenKode: "17.07", provinsiKode: "17" };
  const desa = new Map([anyar, lebong].map((d) => [d.kode, d]));
  const serang: Actor = { ...CLI_ACTOR, role: "DINKES_KABUPATEN", provinsiKode: "36", kabupatenKode: "36.04" };

  it("finds a known desa (trimmed) inside the scope", () => {
    const errors: ImportIssue[] = [];
    expect(desaOf(" 36.04.30.2001 ", 2, { actor: serang, desa }, errors)).toBe(anyar);
    expect(errors).toEqual([]);
  });

  it("refuses an unknown code, an empty one and a desa outside the actor's scope", () => {
    const errors: ImportIssue[] = [];
    expect(desaOf("36.04.30.9999", 2, { actor: serang, desa }, errors)).toBeNull();
    expect(desaOf("", 3, { actor: serang, desa }, errors)).toBeNull();
    expect(desaOf("17.07.01.2001", 4, { actor: serang, desa }, errors)).toBeNull();
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "kode_desa", IMPORT_MSG.desaTakDikenal],
      [3, "kode_desa", IMPORT_MSG.kosong],
      [4, "kode_desa", IMPORT_MSG.desaDiLuarWilayah],
    ]);
  });
});

describe("validateTable", () => {
  const table = (lines: string[]) => ({ rows: lines.map((k, i) => ({ line: i + 2, fields: { k } })), errors: [], fatal: false, delimiter: "," as const });
  const parse = (f: { k: string }, line: number, errors: ImportIssue[]) => {
    if (f.k === "x") {
      errors.push({ line, column: "k", message: "x", value: f.k });
      return null;
    }
    return { line, k: f.k };
  };

  it("flags a second row with the same key, naming the first line; keeps every error in file order", () => {
    const r = validateTable(table(["a", "x", "b", "a"]), parse, (row) => row.k);
    expect(r.rows.map((x) => x.line)).toEqual([2, 4]);
    expect(r.errors).toEqual([
      { line: 3, column: "k", message: "x", value: "x" },
      { line: 5, column: null, message: IMPORT_MSG.duplikat(2), value: "a" },
    ]);
  });

  it("a row the whole-row check refuses is left out with its error", () => {
    const r = validateTable(table(["a", "b"]), parse, (row) => row.k, (row, _f, line, errors) => {
      if (row.k !== "b") return false;
      errors.push({ line, column: null, message: "b", value: "b" });
      return true;
    });
    expect(r.rows.map((x) => x.k)).toEqual(["a"]);
    expect(r.errors.map((e) => e.message)).toEqual(["b"]);
  });
});
