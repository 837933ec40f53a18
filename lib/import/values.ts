// Monthly values CSV (DOMAIN.md §8): kode_desa,tahun,bulan,indikator,nilai — one row per value,
// upserted by (desa, tahun, bulan, indikator). Pure parsing, validation and warnings.
import { IMPORT_MSG } from "@/lib/i18n/import";
import { getIndikator } from "@/lib/spm/catalog";
import {
  bulanOf,
  desaOf,
  DuplicateKeys,
  readTable,
  sortIssues,
  tahunOf,
  wholeNumber,
  type DesaInfo,
  type ImportContext,
  type ImportIssue,
  type Table,
  type Validated,
} from "./rows";
import type { ImportLimits } from "./limits";

export const VALUES_COLUMNS = ["kode_desa", "tahun", "bulan", "indikator", "nilai"] as const;
export type ValuesColumn = (typeof VALUES_COLUMNS)[number];

export interface ValueRow {
  line: number;
  desa: DesaInfo;
  tahun: number;
  bulan: number;
  indikator: string;
  nilai: number;
}

export interface ValuesContext extends ImportContext {
  /** Periods whose report is DIVERIFIKASI, as periodKey(desa, tahun, bulan). */
  locked: ReadonlySet<string>;
  /** The month now running (Jakarta): a later month has not begun and is refused, as the form does. */
  bulanBerjalan?: { tahun: number; bulan: number };
}

export function periodKey(desaKode: string, tahun: number, bulan: number): string {
  return `${desaKode}/${tahun}/${bulan}`;
}

export function sasaranKey(desaKode: string, tahun: number, indikator: string): string {
  return `${desaKode}/${tahun}/${indikator}`;
}

export function readValues(input: Uint8Array | string, limits?: ImportLimits): Table<ValuesColumn> {
  return readTable(input, VALUES_COLUMNS, limits);
}

/** Indicator codes are matched case-insensitively; the catalog's spelling is kept. */
export function indikatorOf(raw: string, line: number, errors: ImportIssue[]): string | null {
  const kode = raw.trim().toUpperCase();
  if (kode === "") {
    errors.push({ line, column: "indikator", message: IMPORT_MSG.kosong, value: raw });
    return null;
  }
  if (!getIndikator(kode)) {
    errors.push({ line, column: "indikator", message: IMPORT_MSG.indikatorTakDikenal, value: raw });
    return null;
  }
  return kode;
}

export function validateValues(table: Table<ValuesColumn>, ctx: ValuesContext): Validated<ValueRow> {
  const errors = [...table.errors];
  const rows: ValueRow[] = [];
  const keys = new DuplicateKeys();
  for (const { line, fields: f } of table.rows) {
    const desa = desaOf(f.kode_desa, line, ctx, errors);
    const tahun = tahunOf(f.tahun, line, errors);
    const bulan = bulanOf(f.bulan, line, errors);
    const indikator = indikatorOf(f.indikator, line, errors);
    const nilai = wholeNumber(f.nilai, line, "nilai", errors);
    if (desa && tahun !== null && bulan !== null && indikator && nilai !== null) {
      if (!keys.check(`${desa.kode},${tahun},${bulan},${indikator}`, line, errors)) continue;
      if (ctx.bulanBerjalan && tahun * 12 + bulan > ctx.bulanBerjalan.tahun * 12 + ctx.bulanBerjalan.bulan) {
        errors.push({ line, column: "bulan", message: IMPORT_MSG.periodeMendatang, value: f.bulan });
        continue;
      }
      if (ctx.locked.has(periodKey(desa.kode, tahun, bulan))) {
        errors.push({ line, column: "bulan", message: IMPORT_MSG.periodeTerkunci, value: f.bulan });
        continue;
      }
      rows.push({ line, desa, tahun, bulan, indikator, nilai });
    }
  }
  return { rows, errors: sortIssues(errors) };
}

/**
 * Warnings that do not block an import (DOMAIN.md §7): a monthly value of a kumulatif indicator above the
 * desa's annual sasaran. `sasaran` maps sasaranKey → the sasaran in force; 0 or absent ("no target") is
 * not compared.
 */
export function valuesWarnings(rows: readonly ValueRow[], sasaran: ReadonlyMap<string, number>): ImportIssue[] {
  const warnings: ImportIssue[] = [];
  for (const r of rows) {
    if (getIndikator(r.indikator)?.jenis !== "kumulatif") continue;
    const s = sasaran.get(sasaranKey(r.desa.kode, r.tahun, r.indikator));
    if (s !== undefined && s > 0 && r.nilai > s) {
      warnings.push({ line: r.line, column: "nilai", message: IMPORT_MSG.melebihiSasaran(s), value: String(r.nilai) });
    }
  }
  return warnings;
}
