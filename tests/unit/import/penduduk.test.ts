import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { readPenduduk, validatePenduduk } from "@/lib/import/penduduk";
import type { DesaInfo } from "@/lib/import/rows";
import { KELOMPOK_PENDUDUK } from "@/lib/spm/penduduk";

// Penduduk CSV: kode_desa,tahun,kelompok,jumlah (DOMAIN.md §8).
const ANYAR_1 = "36.04.30.2001";
const ANYAR: DesaInfo = { kode: ANYAR_1, puskesmasKode: "P36043001", kecamatanKode: "36.04.30", kabupatenKode: "36.04", provinsiKode: "36" };
const DESA = new Map([[ANYAR_1, ANYAR]]);

function validate(body: string) {
  return validatePenduduk(readPenduduk(`kode_desa,tahun,kelompok,jumlah\n${body}`), { actor: CLI_ACTOR, desa: DESA });
}

describe("validatePenduduk", () => {
  it("accepts the eight kelompok of the contract (case-insensitive)", () => {
    const body = KELOMPOK_PENDUDUK.map((k, i) => `${ANYAR_1},2027,${i === 0 ? "Total" : k},${1000 - i}`).join("\n");
    const r = validate(body);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.kelompok)).toEqual([...KELOMPOK_PENDUDUK]);
    expect(r.rows[0].jumlah).toBe(1000);
  });

  it("refuses an unknown or empty kelompok", () => {
    const r = validate(`${ANYAR_1},2027,balita_0_4,10\n${ANYAR_1},2027,,10\n`);
    expect(r.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "kelompok", IMPORT_MSG.kelompokTakDikenal(KELOMPOK_PENDUDUK)],
      [3, "kelompok", IMPORT_MSG.kosong],
    ]);
  });

  it("refuses a negative or decimal jumlah, an unknown desa and a duplicate (desa, tahun, kelompok)", () => {
    const r = validate(`${ANYAR_1},2027,total,-5\n${ANYAR_1},2027,bayi,1.5\n36.04.30.2999,2027,total,5\n${ANYAR_1},2027,lansia,5\n${ANYAR_1},2027,LANSIA,6\n`);
    expect(r.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "jumlah", IMPORT_MSG.negatif],
      [3, "jumlah", IMPORT_MSG.bukanBilanganBulat],
      [4, "kode_desa", IMPORT_MSG.desaTakDikenal],
      [6, null, IMPORT_MSG.duplikat(5)],
    ]);
  });

  it("keeps the same kelompok of two years apart", () => {
    const r = validate(`${ANYAR_1},2027,total,5\n${ANYAR_1},2028,total,6\n`);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(2);
  });
});
