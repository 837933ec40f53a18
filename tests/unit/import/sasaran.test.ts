import { describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { IMPORT_MSG } from "@/lib/i18n/import";
import type { DesaInfo } from "@/lib/import/rows";
import { readSasaran, validateSasaran } from "@/lib/import/sasaran";

// Sasaran CSV: kode_desa,tahun,indikator,sasaran (DOMAIN.md §8).
const ANYAR_1 = "36.04.30.2001";
const LEBONG_1 = "17.07.01.2001";
const desa = (kode: string, puskesmasKode: string): DesaInfo => ({
  kode,
  puskesmasKode,
  kecamatanKode: kode.slice(0, 8),
  kabupatenKode: kode.slice(0, 5),
  provinsiKode: kode.slice(0, 2),
});
const DESA = new Map([desa(ANYAR_1, "P36043001"), desa(LEBONG_1, "P17070101")].map((d) => [d.kode, d]));
const SERANG: Actor = { ...CLI_ACTOR, role: "DINKES_KABUPATEN", provinsiKode: "36", kabupatenKode: "36.04" };

function validate(text: string, actor: Actor = CLI_ACTOR) {
  return validateSasaran(readSasaran(text), { actor, desa: DESA });
}

describe("validateSasaran", () => {
  it("parses valid rows, columns in any order, a sasaran of 0 included", () => {
    const r = validate(`indikator,sasaran,kode_desa,tahun\nSPM-01,120,${ANYAR_1},2027\nspm-02,0,${ANYAR_1},2027\nGIZ-DS,300,${ANYAR_1},2027\n`);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.desa.kode, x.tahun, x.indikator, x.jumlah])).toEqual([
      [2, ANYAR_1, 2027, "SPM-01", 120],
      [3, ANYAR_1, 2027, "SPM-02", 0],
      [4, ANYAR_1, 2027, "GIZ-DS", 300],
    ]);
  });

  it("refuses a jumlah indicator (no sasaran) and an unknown one", () => {
    const r = validate(`kode_desa,tahun,indikator,sasaran\n${ANYAR_1},2027,PM-DBD,5\n${ANYAR_1},2027,SPM-13,5\n`);
    expect(r.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "indikator", IMPORT_MSG.indikatorTanpaSasaran],
      [3, "indikator", IMPORT_MSG.indikatorTakDikenal],
    ]);
  });

  it("refuses negative, decimal and empty sasaran, a bad tahun and a duplicate key", () => {
    const r = validate(
      `kode_desa,tahun,indikator,sasaran\n${ANYAR_1},2027,SPM-01,-1\n${ANYAR_1},2027,SPM-02,2.5\n${ANYAR_1},2027,SPM-03,\n${ANYAR_1},20x7,SPM-04,1\n${ANYAR_1},2027,SPM-05,1\n${ANYAR_1},2027,SPM-05,2\n`,
    );
    expect(r.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "sasaran", IMPORT_MSG.negatif],
      [3, "sasaran", IMPORT_MSG.bukanBilanganBulat],
      [4, "sasaran", IMPORT_MSG.kosong],
      [5, "tahun", IMPORT_MSG.bukanBilanganBulat],
      [7, null, IMPORT_MSG.duplikat(6)],
    ]);
  });

  it("refuses a desa of another kabupaten for a dinkes kabupaten user", () => {
    const r = validate(`kode_desa,tahun,indikator,sasaran\n${ANYAR_1},2027,SPM-01,1\n${LEBONG_1},2027,SPM-01,1\n`, SERANG);
    expect(r.errors).toEqual([{ line: 3, column: "kode_desa", message: IMPORT_MSG.desaDiLuarWilayah, value: LEBONG_1 }]);
  });

  it("refuses the values header (wrong format) by naming the columns", () => {
    const t = readSasaran(`kode_desa,tahun,bulan,indikator,nilai\n${ANYAR_1},2027,1,SPM-01,5\n`);
    expect(t.fatal).toBe(true);
    expect(t.errors.map((e) => e.column).sort()).toEqual(["bulan", "nilai", "sasaran"]);
  });
});
