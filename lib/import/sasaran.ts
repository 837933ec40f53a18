// Sasaran CSV (DOMAIN.md §8): kode_desa,tahun,indikator,sasaran — saved with sumber DITETAPKAN.
// Pure parsing and validation. A sasaran of 0 is valid ("no target").
import { IMPORT_MSG } from "@/lib/i18n/import";
import { getIndikator } from "@/lib/spm/catalog";
import { desaOf, validateTable, readTable, tahunOf, wholeNumber, type DesaInfo, type ImportContext, type ImportIssue, type Table, type Validated } from "./rows";
import type { ImportLimits } from "./limits";
import { indikatorOf } from "./values";

export const SASARAN_COLUMNS = ["kode_desa", "tahun", "indikator", "sasaran"] as const;
export type SasaranColumn = (typeof SASARAN_COLUMNS)[number];

export interface SasaranRow {
  line: number;
  desa: DesaInfo;
  tahun: number;
  indikator: string;
  jumlah: number;
}

export function readSasaran(input: Uint8Array | string, limits?: ImportLimits): Table<SasaranColumn> {
  return readTable(input, SASARAN_COLUMNS, limits);
}

/** Known indicators that have a sasaran (every jenis but `jumlah`). */
function indikatorWithSasaran(raw: string, line: number, errors: ImportIssue[]): string | null {
  const kode = indikatorOf(raw, line, errors);
  if (kode === null) return null;
  if (getIndikator(kode)?.basis == null) {
    errors.push({ line, column: "indikator", message: IMPORT_MSG.indikatorTanpaSasaran, value: raw });
    return null;
  }
  return kode;
}

export function validateSasaran(table: Table<SasaranColumn>, ctx: ImportContext): Validated<SasaranRow> {
  return validateTable(
    table,
    (f, line, errors) => {
      const desa = desaOf(f.kode_desa, line, ctx, errors);
      const tahun = tahunOf(f.tahun, line, errors);
      const indikator = indikatorWithSasaran(f.indikator, line, errors);
      const jumlah = wholeNumber(f.sasaran, line, "sasaran", errors);
      return desa && tahun !== null && indikator && jumlah !== null ? { line, desa, tahun, indikator, jumlah } : null;
    },
    (r) => `${r.desa.kode},${r.tahun},${r.indikator}`,
  );
}
