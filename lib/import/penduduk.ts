// Penduduk CSV (DOMAIN.md §8): kode_desa,tahun,kelompok,jumlah with kelompok one of KELOMPOK_PENDUDUK.
// Pure parsing and validation.
import { IMPORT_MSG } from "@/lib/i18n/import";
import { KELOMPOK_PENDUDUK, type KelompokPenduduk } from "@/lib/spm/penduduk";
import { desaOf, validateTable, readTable, tahunOf, wholeNumber, type DesaInfo, type ImportContext, type ImportIssue, type Table, type Validated } from "./rows";
import type { ImportLimits } from "./limits";

export const PENDUDUK_COLUMNS = ["kode_desa", "tahun", "kelompok", "jumlah"] as const;
export type PendudukColumn = (typeof PENDUDUK_COLUMNS)[number];

export interface PendudukRow {
  line: number;
  desa: DesaInfo;
  tahun: number;
  kelompok: KelompokPenduduk;
  jumlah: number;
}

export function readPenduduk(input: Uint8Array | string, limits?: ImportLimits): Table<PendudukColumn> {
  return readTable(input, PENDUDUK_COLUMNS, limits);
}

function kelompokOf(raw: string, line: number, errors: ImportIssue[]): KelompokPenduduk | null {
  const k = raw.trim().toLowerCase();
  const found = KELOMPOK_PENDUDUK.find((g) => g === k);
  if (found) return found;
  errors.push({ line, column: "kelompok", message: k === "" ? IMPORT_MSG.kosong : IMPORT_MSG.kelompokTakDikenal(KELOMPOK_PENDUDUK), value: raw });
  return null;
}

export function validatePenduduk(table: Table<PendudukColumn>, ctx: ImportContext): Validated<PendudukRow> {
  return validateTable(
    table,
    (f, line, errors) => {
      const desa = desaOf(f.kode_desa, line, ctx, errors);
      const tahun = tahunOf(f.tahun, line, errors);
      const kelompok = kelompokOf(f.kelompok, line, errors);
      const jumlah = wholeNumber(f.jumlah, line, "jumlah", errors);
      return desa && tahun !== null && kelompok && jumlah !== null ? { line, desa, tahun, kelompok, jumlah } : null;
    },
    (r) => `${r.desa.kode},${r.tahun},${r.kelompok}`,
  );
}
