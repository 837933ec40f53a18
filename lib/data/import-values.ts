import "server-only";
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { distinctValues, TAHUN_MAX, TAHUN_MIN, type ImportIssue, type ImportOptions, type ImportResult } from "@/lib/import/rows";
import { laporanTidakLengkap, periodKey, readValues, sasaranKey, validateValues, valuesWarnings, type StoredAround, type ValueRow } from "@/lib/import/values";
import { todayWib } from "@/lib/clock";
import { loadDesa } from "./staging";
import { runImport } from "./import-run";
import { tulisLaporan } from "./tulis-laporan";

// Import of monthly values (DOMAIN.md §8): validate every row (the errors of the contract, the warnings of
// the form), then write through the one write path of monthly values (./tulis-laporan), in one transaction:
// each report of the file is submitted (DIKIRIM) with its stored values and the file's on top; only
// differing values are written and audited. A dinkes upload never submits a report that is still in the
// puskesmas's hands (DRAFT or DIKEMBALIKAN): those rows are refused (docs/security.md).

export async function importValues(actor: Actor, input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportResult> {
  let years: number[] = [];
  let diPuskesmas: ReadonlySet<string> | undefined;
  return runImport(actor, input, options, {
    permission: "import.jalankan",
    read: readValues,
    validate: async (client, table) => {
      const desa = await loadDesa(client, distinctValues(table, "kode_desa"));
      // Only years that can be valid: a row with another year is refused by validation, and an out-of-range
      // number must not reach an int[] parameter (PostgreSQL would fail the whole import).
      years = distinctValues(table, "tahun").filter((t) => /^\d{1,4}$/.test(t)).map(Number).filter((t) => t >= TAHUN_MIN && t <= TAHUN_MAX);
      const status = await reportStatuses(client, [...desa.keys()], years);
      diPuskesmas = actor.role === "PUSKESMAS" ? undefined : status.terbuka;
      return validateValues(table, { actor, desa, locked: status.terkunci, diPuskesmas, bulanBerjalan: todayWib() });
    },
    apply: async (client, rows, progress) => {
      const reports = groupReports(rows);
      // The reports' rows locked: one verified (or taken back) by another session since validation is caught here.
      const keys = [...reports.values()].map((r) => r[0]);
      const { rows: now } = await client.query<{ desa_kode: string; tahun: number; bulan: number; status: string }>(
        `SELECT l.desa_kode, l.tahun, l.bulan, l.status::text FROM laporan l
         JOIN unnest($1::text[], $2::int[], $3::int[]) AS k(desa_kode, tahun, bulan) USING (desa_kode, tahun, bulan)
         ORDER BY l.id FOR UPDATE OF l`,
        [keys.map((r) => r.desa.kode), keys.map((r) => r.tahun), keys.map((r) => r.bulan)],
      );
      const moved = new Map(
        now.filter((r) => r.status === "DIVERIFIKASI" || (diPuskesmas && r.status !== "DIKIRIM"))
          .map((r) => [periodKey(r.desa_kode, r.tahun, r.bulan), r.status === "DIVERIFIKASI" ? IMPORT_MSG.periodeTerkunci : IMPORT_MSG.laporanDiPuskesmas]),
      );
      if (moved.size > 0) return { ok: false, errors: refuse(rows, moved) };

      const stored = await storedAround(client, rows, [...new Set(rows.map((r) => r.desa.kode))], years);
      const warnings = valuesWarnings(rows, stored);
      const peringatan = new Map(warnings.map((w) => [w.line, w.message]));
      const tulis = await tulisLaporan(
        client, actor,
        [...reports.values()].map((rs) => ({
          desaKode: rs[0].desa.kode, tahun: rs[0].tahun, bulan: rs[0].bulan, status: "DIKIRIM" as const,
          nilai: new Map(rs.map((r) => [r.indikator, r.nilai])),
          peringatan: new Map(rs.flatMap((r) => (peringatan.has(r.line) ? [[r.indikator, peringatan.get(r.line)!] as const] : []))),
        })),
        "import",
        { progress },
      );
      if (tulis.konflik.length > 0) return { ok: false, errors: refuse(rows, new Map(tulis.konflik.map((k) => [k, IMPORT_MSG.laporanBerubah]))) };
      return {
        ok: true, rows: rows.length, inserted: tulis.inserted, updated: tulis.updated, unchanged: rows.length - tulis.inserted - tulis.updated, warnings,
        tidakLengkap: laporanTidakLengkap(rows, stored),
      };
    },
  });
}

/** The rows of the reports in `why` (periodKey → reason), refused on their month column. */
function refuse(rows: readonly ValueRow[], why: ReadonlyMap<string, string>): ImportIssue[] {
  return rows.flatMap((r) => {
    const message = why.get(periodKey(r.desa.kode, r.tahun, r.bulan));
    return message ? [{ line: r.line, column: "bulan", message, value: String(r.bulan) }] : [];
  });
}

function groupReports(rows: readonly ValueRow[]): Map<string, ValueRow[]> {
  const out = new Map<string, ValueRow[]>();
  for (const r of rows) {
    const k = periodKey(r.desa.kode, r.tahun, r.bulan);
    (out.get(k) ?? out.set(k, []).get(k)!).push(r);
  }
  return out;
}

/** The reports of these desa and years that are verified (locked) and those still with the puskesmas. */
async function reportStatuses(client: pg.ClientBase, desa: string[], years: number[]): Promise<{ terkunci: Set<string>; terbuka: Set<string> }> {
  const { rows } = await client.query<{ desa_kode: string; tahun: number; bulan: number; status: string }>(
    `SELECT desa_kode, tahun, bulan, status::text FROM laporan
     WHERE desa_kode = ANY($1) AND tahun = ANY($2) AND status IN ('DIVERIFIKASI', 'DRAFT', 'DIKEMBALIKAN')`,
    [desa, years],
  );
  const key = (r: (typeof rows)[number]) => periodKey(r.desa_kode, r.tahun, r.bulan);
  return { terkunci: new Set(rows.filter((r) => r.status === "DIVERIFIKASI").map(key)), terbuka: new Set(rows.filter((r) => r.status !== "DIVERIFIKASI").map(key)) };
}

/** What the form's warnings are judged against: the reports' stored values, counted values around them, sasaran. */
async function storedAround(client: pg.ClientBase, rows: readonly ValueRow[], desa: string[], years: number[]): Promise<StoredAround> {
  const reports = [...new Map(rows.map((r) => [periodKey(r.desa.kode, r.tahun, r.bulan), r])).values()];
  const withPrevious = [...new Set(years.flatMap((t) => [t - 1, t]))];
  // One after another: a pg client runs one query at a time (pg queues the rest, and pg 9 will refuse them).
  const own = await client.query<{ desa_kode: string; tahun: number; bulan: number; i: string; v: number }>(
    `SELECT n.desa_kode, n.tahun, n.bulan, n.indikator_kode i, n.nilai v FROM nilai n
     JOIN laporan l ON l.id = n.laporan_id
     JOIN unnest($1::text[], $2::int[], $3::int[]) AS k(desa_kode, tahun, bulan) ON (l.desa_kode, l.tahun, l.bulan) = (k.desa_kode, k.tahun, k.bulan)`,
    [reports.map((r) => r.desa.kode), reports.map((r) => r.tahun), reports.map((r) => r.bulan)],
  );
  const counted = await client.query<{ desa_kode: string; tahun: number; bulan: number; i: string; v: number }>(
    `SELECT desa_kode, tahun, bulan, indikator_kode i, nilai v FROM nilai WHERE desa_kode = ANY($1) AND tahun = ANY($2) AND dihitung`,
    [desa, withPrevious],
  );
  const sasaran = await client.query<{ desa_kode: string; tahun: number; indikator_kode: string; jumlah: number }>(
    `SELECT desa_kode, tahun, indikator_kode, jumlah FROM sasaran WHERE desa_kode = ANY($1) AND tahun = ANY($2)`,
    [desa, years],
  );
  const byPeriod = (rs: typeof own.rows) => {
    const m = new Map<string, Map<string, number>>();
    for (const r of rs) {
      const k = periodKey(r.desa_kode, r.tahun, r.bulan);
      (m.get(k) ?? m.set(k, new Map()).get(k)!).set(r.i, r.v);
    }
    return m;
  };
  return {
    laporan: byPeriod(own.rows),
    dihitung: byPeriod(counted.rows),
    sasaran: new Map(sasaran.rows.map((r) => [sasaranKey(r.desa_kode, r.tahun, r.indikator_kode), r.jumlah])),
  };
}

export type { ImportIssue, ImportResult, ImportOptions };
