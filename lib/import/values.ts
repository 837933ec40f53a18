// Monthly values CSV (DOMAIN.md §8): kode_desa,tahun,bulan,indikator,nilai — one row per value,
// upserted by (desa, tahun, bulan, indikator). Pure parsing, validation and warnings.
import { IMPORT_MSG } from "@/lib/i18n/import";
import { validasiLaporan, type KonteksValidasi } from "@/lib/laporan/validasi";
import { getIndikator, INDIKATOR } from "@/lib/spm/catalog";
import { bulanOf, desaOf, validateTable, readTable, sortIssues, tahunOf, wholeNumber, type DesaInfo, type ImportContext, type ImportIssue, type Table, type Validated, type LaporanTidakLengkap } from "./rows";
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
  /**
   * Periods whose report is still in the puskesmas's hands (DRAFT or DIKEMBALIKAN) and that this actor may
   * not submit for it (docs/security.md: a dinkes upload never submits a puskesmas's unfinished report).
   */
  diPuskesmas?: ReadonlySet<string>;
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
  return validateTable(
    table,
    (f, line, errors) => {
      const desa = desaOf(f.kode_desa, line, ctx, errors);
      const tahun = tahunOf(f.tahun, line, errors);
      const bulan = bulanOf(f.bulan, line, errors);
      const indikator = indikatorOf(f.indikator, line, errors);
      const nilai = wholeNumber(f.nilai, line, "nilai", errors);
      return desa && tahun !== null && bulan !== null && indikator && nilai !== null ? { line, desa, tahun, bulan, indikator, nilai } : null;
    },
    (r) => `${r.desa.kode},${r.tahun},${r.bulan},${r.indikator}`,
    (r, f, line, errors) => {
      const period = periodKey(r.desa.kode, r.tahun, r.bulan);
      const message =
        ctx.bulanBerjalan && r.tahun * 12 + r.bulan > ctx.bulanBerjalan.tahun * 12 + ctx.bulanBerjalan.bulan ? IMPORT_MSG.periodeMendatang
        : ctx.locked.has(period) ? IMPORT_MSG.periodeTerkunci
        : ctx.diPuskesmas?.has(period) ? IMPORT_MSG.laporanDiPuskesmas
        : null;
      if (message) errors.push({ line, column: "bulan", message, value: f.bulan });
      return message !== null;
    },
  );
}

/**
 * The reports of the file that will be submitted with fewer indicators than the catalog has, counting their
 * stored values and the file's (a two-row file submits a whole month's report: the preview says so).
 */
export function laporanTidakLengkap(rows: readonly ValueRow[], stored: Pick<StoredAround, "laporan">): LaporanTidakLengkap[] {
  const byReport = new Map<string, { r: ValueRow; kodes: Set<string> }>();
  for (const r of rows) {
    const k = periodKey(r.desa.kode, r.tahun, r.bulan);
    const e = byReport.get(k) ?? byReport.set(k, { r, kodes: new Set(stored.laporan.get(k)?.keys() ?? []) }).get(k)!;
    e.kodes.add(r.indikator);
  }
  return [...byReport.values()]
    .filter((e) => e.kodes.size < INDIKATOR.length)
    .map(({ r, kodes }) => ({ desaKode: r.desa.kode, tahun: r.tahun, bulan: r.bulan, terisi: kodes.size }));
}

/** What is stored around the file's reports, read by the import before it validates. */
export interface StoredAround {
  /** The stored values of each report the file writes (any status), by periodKey. */
  laporan: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Counted values (reports DIKIRIM, DIVERIFIKASI) of the file's desa in its years and the year before, by periodKey. */
  dihitung: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The sasaran in force, by sasaranKey. */
  sasaran: ReadonlyMap<string, number>;
}

/**
 * The warnings of the form (DOMAIN.md §7, lib/laporan/validasi: 120 % of sasaran, a monthly value above the
 * sasaran, the pair rules, the outlier), judged on each report as it will be after the import: its stored
 * values with the file's on top, every report of the file counted (it is submitted), earlier months as the
 * dashboards count them. A warning is listed on the file's line of that value; it never blocks an import.
 */
export function valuesWarnings(rows: readonly ValueRow[], stored: StoredAround): ImportIssue[] {
  const byReport = new Map<string, ValueRow[]>();
  for (const r of rows) {
    const k = periodKey(r.desa.kode, r.tahun, r.bulan);
    (byReport.get(k) ?? byReport.set(k, []).get(k)!).push(r);
  }
  const after = new Map<string, ReadonlyMap<string, number>>(stored.dihitung);
  for (const [k, rs] of byReport) {
    const merged = new Map(stored.laporan.get(k) ?? []);
    for (const r of rs) merged.set(r.indikator, r.nilai);
    after.set(k, merged);
  }
  const warnings: ImportIssue[] = [];
  for (const rs of byReport.values()) {
    const { desa, tahun, bulan } = rs[0];
    const konteks: KonteksValidasi = { sasaran: {}, kumulatifSebelum: {}, riwayat: {} };
    for (let b = 1; b < bulan; b++) {
      for (const [i, v] of after.get(periodKey(desa.kode, tahun, b)) ?? []) konteks.kumulatifSebelum[i] = (konteks.kumulatifSebelum[i] ?? 0) + v;
    }
    for (let m = tahun * 12 + bulan - 6; m < tahun * 12 + bulan; m++) {
      const t = Math.floor((m - 1) / 12);
      for (const [i, v] of after.get(periodKey(desa.kode, t, m - t * 12)) ?? []) (konteks.riwayat[i] ??= []).push(v);
    }
    const own = after.get(periodKey(desa.kode, tahun, bulan))!;
    for (const i of own.keys()) konteks.sasaran[i] = stored.sasaran.get(sasaranKey(desa.kode, tahun, i));
    const v = validasiLaporan(Object.fromEntries([...own].map(([i, n]) => [i, String(n)])), konteks);
    for (const r of rs) {
      const message = v.warnings[r.indikator];
      if (message) warnings.push({ line: r.line, column: "nilai", message, value: String(r.nilai) });
    }
  }
  return sortIssues(warnings);
}
