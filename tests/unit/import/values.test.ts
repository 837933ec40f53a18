import { describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { IMPORT_MSG } from "@/lib/i18n/import";
import type { DesaInfo } from "@/lib/import/rows";
import { laporanTidakLengkap, periodKey, readValues, sasaranKey, validateValues, valuesWarnings, type ValuesContext } from "@/lib/import/values";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import { INDIKATOR } from "@/lib/spm/catalog";

// Values CSV: kode_desa,tahun,bulan,indikator,nilai (DOMAIN.md §8), validated against a fixed context.
const ANYAR_1 = "36.04.30.2001";
const ANYAR_2 = "36.04.30.2002";
const BAROS_1 = "36.04.22.2001";
const desa = (kode: string, puskesmasKode: string): DesaInfo => ({
  kode,
  puskesmasKode,
  kecamatanKode: kode.slice(0, 8),
  kabupatenKode: kode.slice(0, 5),
  provinsiKode: kode.slice(0, 2),
});
const DESA = new Map([desa(ANYAR_1, "P36043001"), desa(ANYAR_2, "P36043001"), desa(BAROS_1, "P36042201")].map((d) => [d.kode, d]));
const PKM_ANYAR: Actor = { ...CLI_ACTOR, role: "PUSKESMAS", provinsiKode: "36", kabupatenKode: "36.04", puskesmasKode: "P36043001" };
const ctx = (over: Partial<ValuesContext> = {}): ValuesContext => ({ actor: CLI_ACTOR, desa: DESA, locked: new Set(), ...over });

const HEADER = "kode_desa,tahun,bulan,indikator,nilai";
function validate(body: string, c: ValuesContext = ctx()) {
  return validateValues(readValues(`${HEADER}\n${body}`), c);
}

describe("validateValues", () => {
  it("parses valid rows (indicator code case-insensitive, fields trimmed)", () => {
    const r = validate(`${ANYAR_1},2027,1,SPM-01,5\n ${ANYAR_2} , 2027 ,12, spm-04 ,0\n`);
    expect(r.errors).toEqual([]);
    expect(r.rows.map(({ line, desa: d, tahun, bulan, indikator, nilai }) => [line, d.kode, tahun, bulan, indikator, nilai])).toEqual([
      [2, ANYAR_1, 2027, 1, "SPM-01", 5],
      [3, ANYAR_2, 2027, 12, "SPM-04", 0],
    ]);
  });

  it("reports every error of a row, each with its column, and keeps file order", () => {
    const r = validate(`${ANYAR_1},2027,1,SPM-01,5\n99.99.99.9999,1999,13,XX-99,-3\n${ANYAR_1},2027,2,SPM-01,1.5\n`);
    expect(r.rows).toHaveLength(1);
    expect(r.errors.map((e) => [e.line, e.column, e.message, e.value])).toEqual([
      [3, "kode_desa", IMPORT_MSG.desaTakDikenal, "99.99.99.9999"],
      [3, "tahun", IMPORT_MSG.tahunDiLuarRentang, "1999"],
      [3, "bulan", IMPORT_MSG.bulanDiLuarRentang, "13"],
      [3, "indikator", IMPORT_MSG.indikatorTakDikenal, "XX-99"],
      [3, "nilai", IMPORT_MSG.negatif, "-3"],
      [4, "nilai", IMPORT_MSG.bukanBilanganBulat, "1.5"],
    ]);
  });

  it("refuses an empty value, a non-number and one above 2^31-1", () => {
    const r = validate(`${ANYAR_1},2027,1,SPM-01,\n${ANYAR_1},2027,2,SPM-01,lima\n${ANYAR_1},2027,3,SPM-01,2147483648\n`);
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [2, IMPORT_MSG.kosong],
      [3, IMPORT_MSG.bukanBilanganBulat],
      [4, IMPORT_MSG.terlaluBesar],
    ]);
  });

  it("accepts every catalog indicator kind, including jumlah ones (no sasaran needed)", () => {
    const r = validate(`${ANYAR_1},2027,1,GIZ-DS,40\n${ANYAR_1},2027,1,PM-DBD,2\n${ANYAR_1},2027,1,KIA-KMI,0\n`);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(3);
  });

  it("refuses a duplicate key, even written differently, naming the first line", () => {
    const r = validate(`${ANYAR_1},2027,1,SPM-01,5\n${ANYAR_1},2027,1,SPM-02,5\n${ANYAR_1}, 2027,01,spm-01,6\n`);
    expect(r.errors).toEqual([{ line: 4, column: null, message: IMPORT_MSG.duplikat(2), value: `${ANYAR_1},2027,1,SPM-01` }]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 3]);
  });

  it("refuses a desa outside the actor's scope (puskesmas user, another puskesmas's desa)", () => {
    const r = validate(`${ANYAR_1},2027,1,SPM-01,5\n${BAROS_1},2027,1,SPM-01,5\n`, ctx({ actor: PKM_ANYAR }));
    expect(r.errors).toEqual([{ line: 3, column: "kode_desa", message: IMPORT_MSG.desaDiLuarWilayah, value: BAROS_1 }]);
  });

  it("refuses a locked (DIVERIFIKASI) period but not the month before", () => {
    const locked = new Set([periodKey(ANYAR_1, 2027, 3)]);
    const r = validate(`${ANYAR_1},2027,2,SPM-01,5\n${ANYAR_1},2027,3,SPM-01,5\n${ANYAR_2},2027,3,SPM-01,5\n`, ctx({ locked }));
    expect(r.errors).toEqual([{ line: 3, column: "bulan", message: IMPORT_MSG.periodeTerkunci, value: "3" }]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 4]);
  });

  it("refuses a month that has not begun (after the running month; December rolls over to January)", () => {
    const r = validate(`${ANYAR_1},2026,12,SPM-01,5\n${ANYAR_1},2027,1,SPM-01,5\n${ANYAR_2},2026,11,SPM-01,5\n`, ctx({ bulanBerjalan: { tahun: 2026, bulan: 12 } }));
    expect(r.errors).toEqual([{ line: 3, column: "bulan", message: IMPORT_MSG.periodeMendatang, value: "1" }]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 4]);
  });

  it("adds field-count errors from reading to the row errors, in line order", () => {
    const r = validate(`${ANYAR_1},2027,1,SPM-01,-1\n${ANYAR_1},2027,1\n`);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "nilai"],
      [3, null],
    ]);
  });
});

describe("valuesWarnings: the form's warnings, judged on each report as it will be after the import", () => {
  const none = { laporan: new Map(), dihitung: new Map(), sasaran: new Map() };
  const sasaran = new Map([
    [sasaranKey(ANYAR_1, 2027, "SPM-01"), 10],
    [sasaranKey(ANYAR_1, 2027, "GIZ-DS"), 50],
    [sasaranKey(ANYAR_2, 2027, "SPM-01"), 0],
  ]);

  it("a monthly kumulatif value above the annual sasaran (equal is fine), with the form's message", () => {
    const rows = validate(`${ANYAR_1},2027,1,SPM-01,11\n${ANYAR_1},2027,1,KIA-K1,11\n${ANYAR_1},2027,2,SPM-01,0\n${ANYAR_1},2027,2,KIA-K1,0\n`).rows;
    expect(valuesWarnings(rows, { ...none, sasaran })).toEqual([{ line: 2, column: "nilai", message: MSG_LAPORAN.nilaiMelebihiSasaran(10), value: "11" }]);
  });

  it("120 % of the sasaran over the year counts earlier months of the file and counted months stored (December)", () => {
    const stored = new Map([[periodKey(ANYAR_1, 2027, 11), new Map([["SPM-01", 3], ["KIA-K1", 20]])]]);
    const rows = validate(`${ANYAR_1},2027,10,SPM-01,5\n${ANYAR_1},2027,10,KIA-K1,20\n${ANYAR_1},2027,12,SPM-01,5\n${ANYAR_1},2027,12,KIA-K1,20\n`).rows;
    // December: 5 (October, from the file) + 3 (November, stored) + 5 = 13 > 12.
    expect(valuesWarnings(rows, { ...none, dihitung: stored, sasaran })).toEqual([{ line: 4, column: "nilai", message: MSG_LAPORAN.realisasiMelebihi120(13, 10), value: "5" }]);
  });

  it("the pair rule (SPM-01 above KIA-K1) uses the report's stored values beside the file's", () => {
    const rows = validate(`${ANYAR_2},2027,3,SPM-01,5\n`).rows;
    expect(valuesWarnings(rows, none).map((w) => w.message)).toEqual([MSG_LAPORAN.melebihiPasangan("SPM-01", "KIA-K1")]);
    const laporan = new Map([[periodKey(ANYAR_2, 2027, 3), new Map([["KIA-K1", 9]])]]);
    expect(valuesWarnings(rows, { ...none, laporan })).toEqual([]);
  });

  it("the outlier rule looks six months back, across the new year", () => {
    const dihitung = new Map([9, 10, 11, 12].map((b) => [periodKey(ANYAR_1, 2026, b), new Map([["PM-DIARE", 10]])]));
    const rows = validate(`${ANYAR_1},2027,1,PM-DIARE,31\n${ANYAR_1},2027,2,PM-DIARE,30\n`).rows;
    expect(valuesWarnings(rows, { ...none, dihitung }).map((w) => w.line)).toEqual([2]);
  });

  it("no warning for bulanan or jumlah indicators under their sasaran, a sasaran of 0 or a missing one", () => {
    const rows = validate(`${ANYAR_1},2027,1,GIZ-DS,40\n${ANYAR_1},2027,1,PM-DBD,99\n${ANYAR_2},2027,1,SPM-02,5\n`).rows;
    expect(valuesWarnings(rows, { ...none, sasaran })).toEqual([]);
  });
});

describe("laporanTidakLengkap: reports an upload submits with empty indicators", () => {
  it("counts the stored values and the file's; a report with every indicator is complete", () => {
    const rows = validate(`${ANYAR_1},2027,1,SPM-01,1\n${ANYAR_1},2027,1,SPM-02,1\n${ANYAR_2},2027,1,SPM-01,1\n`).rows;
    const all = new Map(INDIKATOR.filter((i) => i.kode !== "SPM-01").map((i) => [i.kode, 0]));
    const laporan = new Map([[periodKey(ANYAR_2, 2027, 1), all], [periodKey(ANYAR_1, 2027, 1), new Map([["SPM-03", 4]])]]);
    expect(laporanTidakLengkap(rows, { laporan })).toEqual([{ desaKode: ANYAR_1, tahun: 2027, bulan: 1, terisi: 3 }]);
  });
});

