import "server-only";
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/permissions";
import { copyRows } from "@/lib/db/copy";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { distinctValues, TAHUN_MAX, TAHUN_MIN, type DesaInfo, type ImportIssue, type ImportOptions, type ImportResult } from "@/lib/import/rows";
import { periodKey, readValues, sasaranKey, validateValues, valuesWarnings, type ValueRow } from "@/lib/import/values";
import { isOnTime } from "@/lib/spm/kelengkapan";
import type { Tanggal } from "@/lib/spm/periode";
import { inTransaction } from "./transaction";

// Import of monthly values (DOMAIN.md §8): validate every row, then in one transaction stage the rows with
// COPY and apply them set-based: missing reports are created as DIKIRIM, only differing values are
// written and audited, a changed (or DRAFT/DIKEMBALIKAN) report is re-submitted with versi + 1.
// The helpers at the end are shared by the sasaran and penduduk imports.

const F = IMPORT_MSG.fase;

export async function importValues(actor: Actor, input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportResult> {
  requirePermission(actor, "import.jalankan");
  const progress = options.onProgress ?? (() => {});
  progress(F.membaca, 0, 1);
  const table = readValues(input, options.limits);
  progress(F.membaca, 1, 1);
  if (table.fatal) return { ok: false, errors: table.errors };

  return inTransaction(async (client) => {
    const desa = await loadDesa(client, distinctValues(table, "kode_desa"));
    // Only years that can be valid: a row with another year is refused by validation, and an out-of-range
    // number must not reach an int[] parameter (PostgreSQL would fail the whole import).
    const years = distinctValues(table, "tahun").filter((t) => /^\d{1,4}$/.test(t)).map(Number).filter((t) => t >= TAHUN_MIN && t <= TAHUN_MAX);
    const locked = await lockedPeriods(client, [...desa.keys()], years);
    progress(F.memeriksa, 0, table.rows.length);
    const { rows, errors } = validateValues(table, { actor, desa, locked, bulanBerjalan: jakartaDate(new Date()) });
    progress(F.memeriksa, table.rows.length, table.rows.length);
    if (errors.length > 0) return { ok: false, errors };

    const warnings = valuesWarnings(rows, await loadSasaran(client, [...desa.keys()], years));
    const peringatan = new Map(warnings.map((w) => [w.line, w.message]));
    await stage(client, "imp_nilai", "line int, desa_kode text, tahun int, bulan int, indikator_kode text, nilai int, peringatan text",
      rows.map((r) => [r.line, r.desa.kode, r.tahun, r.bulan, r.indikator, r.nilai, peringatan.get(r.line) ?? null]), progress);

    // A report verified after validation (another session) is caught here, with its rows locked.
    await client.query(
      `SELECT l.id FROM laporan l JOIN (SELECT DISTINCT desa_kode, tahun, bulan FROM imp_nilai) k USING (desa_kode, tahun, bulan)
       ORDER BY l.id FOR UPDATE OF l`,
    );
    const late = await client.query<{ line: number; bulan: number }>(
      `SELECT s.line, s.bulan FROM imp_nilai s JOIN laporan l USING (desa_kode, tahun, bulan)
       WHERE l.status = 'DIVERIFIKASI' ORDER BY s.line`,
    );
    if (late.rows.length > 0) {
      return { ok: false, errors: late.rows.map((r) => ({ line: r.line, column: "bulan", message: IMPORT_MSG.periodeTerkunci, value: String(r.bulan) })) };
    }

    const counts = await applyValues(client, actor, rows, progress);
    return { ok: true, rows: rows.length, ...counts, unchanged: rows.length - counts.inserted - counts.updated, warnings };
  }, { rollback: options.pratinjau === true, bulk: true });
}

async function lockedPeriods(client: pg.ClientBase, desa: string[], years: number[]): Promise<Set<string>> {
  const { rows } = await client.query<{ desa_kode: string; tahun: number; bulan: number }>(
    `SELECT desa_kode, tahun, bulan FROM laporan
     WHERE desa_kode = ANY($1) AND tahun = ANY($2) AND status = 'DIVERIFIKASI'`,
    [desa, years],
  );
  return new Set(rows.map((r) => periodKey(r.desa_kode, r.tahun, r.bulan)));
}

async function loadSasaran(client: pg.ClientBase, desa: string[], years: number[]): Promise<Map<string, number>> {
  const { rows } = await client.query<{ desa_kode: string; tahun: number; indikator_kode: string; jumlah: number }>(
    `SELECT desa_kode, tahun, indikator_kode, jumlah FROM sasaran WHERE desa_kode = ANY($1) AND tahun = ANY($2)`,
    [desa, years],
  );
  return new Map(rows.map((r) => [sasaranKey(r.desa_kode, r.tahun, r.indikator_kode), r.jumlah]));
}

/** The staged rows (imp_nilai) written set-based; returns how many values were new and changed. */
async function applyValues(
  client: pg.ClientBase,
  actor: Actor,
  rows: readonly ValueRow[],
  progress: NonNullable<ImportOptions["onProgress"]>,
): Promise<{ inserted: number; updated: number }> {
  const now = new Date();
  const at = now.toISOString();
  const steps = 5;
  progress(F.menyimpan, 0, steps);

  // Only rows whose value differs from what is stored (or is not stored yet).
  await client.query(`DROP TABLE IF EXISTS pg_temp.imp_nilai_beda`);
  await client.query(
    `CREATE TEMP TABLE imp_nilai_beda ON COMMIT DROP AS
     SELECT s.desa_kode, s.tahun, s.bulan, s.indikator_kode, s.nilai, s.peringatan, l.id AS laporan_id, n.nilai AS lama
     FROM imp_nilai s
     LEFT JOIN laporan l USING (desa_kode, tahun, bulan)
     LEFT JOIN nilai n ON n.laporan_id = l.id AND n.indikator_kode = s.indikator_kode
     WHERE n.nilai IS DISTINCT FROM s.nilai`,
  );
  const count = await client.query<{ inserted: number; updated: number }>(
    `SELECT count(*) FILTER (WHERE lama IS NULL)::int AS inserted, count(*) FILTER (WHERE lama IS NOT NULL)::int AS updated
     FROM imp_nilai_beda`,
  );
  progress(F.menyimpan, 1, steps);

  // Deadline per period and kabupaten deadline day (DOMAIN.md §6), judged on today's date in Jakarta:
  // one row per period × possible day (1..31), joined on the kabupaten's hari_batas.
  const periods = [...new Map(rows.map((r) => [r.tahun * 100 + r.bulan, r])).values()];
  const today = jakartaDate(now);
  const cases = periods.flatMap((p) => Array.from({ length: 31 }, (_, i) => ({ ...p, hari: i + 1 })));
  const periodParams = [cases.map((p) => p.tahun), cases.map((p) => p.bulan), cases.map((p) => !isOnTime(today, p.tahun, p.bulan, p.hari)), cases.map((p) => p.hari)];
  const period = `unnest($1::int[], $2::int[], $3::bool[], $7::int[]) AS p(tahun, bulan, terlambat, hari)`;

  // Existing reports with a change, or still DRAFT/DIKEMBALIKAN, are (re-)submitted as the report form
  // does: versi + 1, dikirim_at now, terlambat from today, alasan cleared; all their values count.
  // A status change is audited (entitas 'laporan', aksi 'status'), as the form and workflow do.
  await client.query(
    `WITH target AS (
       SELECT l.id, l.status, l.desa_kode, l.tahun, l.bulan, p.terlambat
       FROM laporan l
       JOIN (SELECT DISTINCT desa_kode, tahun, bulan FROM imp_nilai) k USING (desa_kode, tahun, bulan)
       JOIN kabupaten kab ON kab.kode = l.kabupaten_kode
       JOIN ${period} ON p.tahun = l.tahun AND p.bulan = l.bulan AND p.hari = kab.hari_batas
       WHERE l.status IN ('DRAFT', 'DIKEMBALIKAN') OR l.id IN (SELECT laporan_id FROM imp_nilai_beda WHERE laporan_id IS NOT NULL)),
     naik AS (
       UPDATE laporan l SET status = 'DIKIRIM', versi = l.versi + 1, alasan = NULL, dikirim_at = $4::timestamp,
         terlambat = t.terlambat, updated_at = $4::timestamp, updated_by = $5
       FROM target t WHERE l.id = t.id
       RETURNING l.id),
     hitung AS (
       UPDATE nilai n SET dihitung = true FROM naik WHERE n.laporan_id = naik.id AND NOT n.dihitung)
     INSERT INTO audit_log (at, user_id, user_email, aksi, entitas, kunci, lama, baru, sumber)
     SELECT $4::timestamp, $6, $5, 'status', 'laporan', desa_kode || '/' || tahun || '/' || bulan, to_jsonb(status::text), '"DIKIRIM"', 'import'
     FROM target WHERE status <> 'DIKIRIM' ORDER BY desa_kode, tahun, bulan`,
    [...periodParams.slice(0, 3), at, actor.email, actor.id, periodParams[3]],
  );
  progress(F.menyimpan, 2, steps);

  await client.query(
    `WITH baru AS (
       INSERT INTO laporan (id, desa_kode, tahun, bulan, status, versi, puskesmas_kode, kecamatan_kode, kabupaten_kode,
         provinsi_kode, dikirim_at, terlambat, created_at, updated_at, updated_by)
       SELECT gen_random_uuid(), d.kode, k.tahun, k.bulan, 'DIKIRIM', 1, d.puskesmas_kode, d.kecamatan_kode, d.kabupaten_kode,
         d.provinsi_kode, $4::timestamp, p.terlambat, $4::timestamp, $4::timestamp, $5
       FROM (SELECT DISTINCT desa_kode, tahun, bulan FROM imp_nilai_beda WHERE laporan_id IS NULL) k
       JOIN desa d ON d.kode = k.desa_kode
       JOIN kabupaten kab ON kab.kode = d.kabupaten_kode
       JOIN ${period} ON p.tahun = k.tahun AND p.bulan = k.bulan AND p.hari = kab.hari_batas
       RETURNING desa_kode, tahun, bulan)
     INSERT INTO audit_log (at, user_id, user_email, aksi, entitas, kunci, lama, baru, sumber)
     SELECT $4::timestamp, $6, $5, 'status', 'laporan', desa_kode || '/' || tahun || '/' || bulan, NULL, '"DIKIRIM"', 'import'
     FROM baru ORDER BY desa_kode, tahun, bulan`,
    [...periodParams.slice(0, 3), at, actor.email, actor.id, periodParams[3]],
  );
  progress(F.menyimpan, 3, steps);

  await client.query(
    `INSERT INTO nilai (laporan_id, indikator_kode, nilai, peringatan, desa_kode, puskesmas_kode, kecamatan_kode, kabupaten_kode,
       provinsi_kode, tahun, bulan, dihitung, updated_at, updated_by)
     SELECT l.id, b.indikator_kode, b.nilai, b.peringatan, d.kode, d.puskesmas_kode, d.kecamatan_kode, d.kabupaten_kode,
       d.provinsi_kode, b.tahun, b.bulan, true, $1::timestamp, $2
     FROM imp_nilai_beda b
     JOIN laporan l ON l.desa_kode = b.desa_kode AND l.tahun = b.tahun AND l.bulan = b.bulan
     JOIN desa d ON d.kode = b.desa_kode
     ON CONFLICT (laporan_id, indikator_kode) DO UPDATE SET nilai = EXCLUDED.nilai, peringatan = EXCLUDED.peringatan,
       dihitung = true, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [at, actor.email],
  );
  progress(F.menyimpan, 4, steps);

  await client.query(
    `INSERT INTO audit_log (at, user_id, user_email, aksi, entitas, kunci, lama, baru, sumber)
     SELECT $1::timestamp, $2, $3, CASE WHEN lama IS NULL THEN 'tambah' ELSE 'ubah' END, 'nilai',
       desa_kode || '/' || tahun || '/' || bulan || '/' || indikator_kode,
       to_jsonb(lama), to_jsonb(nilai), 'import'
     FROM imp_nilai_beda ORDER BY desa_kode, tahun, bulan, indikator_kode`,
    [at, actor.id, actor.email],
  );
  progress(F.menyimpan, steps, steps);
  return count.rows[0];
}

function jakartaDate(now: Date): Tanggal {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "numeric", day: "numeric" }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { tahun: part("year"), bulan: part("month"), hari: part("day") };
}

// ---- Shared by the three imports ----

/** The desa among `codes` that exist, with their place in the tree (one query). */
export async function loadDesa(client: pg.ClientBase, codes: readonly string[]): Promise<Map<string, DesaInfo>> {
  const { rows } = await client.query<{ kode: string; puskesmas_kode: string; kecamatan_kode: string; kabupaten_kode: string; provinsi_kode: string }>(
    `SELECT kode, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode FROM desa WHERE kode = ANY($1)`,
    [codes],
  );
  return new Map(
    rows.map((r) => [r.kode, { kode: r.kode, puskesmasKode: r.puskesmas_kode, kecamatanKode: r.kecamatan_kode, kabupatenKode: r.kabupaten_kode, provinsiKode: r.provinsi_kode }]),
  );
}

/** Creates the temporary table `name` (dropped at commit) and fills it with COPY, reporting progress. */
export async function stage(
  client: pg.ClientBase,
  name: string,
  columns: string,
  rows: readonly (readonly (string | number | boolean | null)[])[],
  progress: NonNullable<ImportOptions["onProgress"]> = () => {},
): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS pg_temp.${name}`);
  await client.query(`CREATE TEMP TABLE ${name} (${columns}) ON COMMIT DROP`);
  const names = columns.split(",").map((c) => c.trim().split(/\s+/)[0]);
  const step = 10_000;
  function* reported() {
    for (let i = 0; i < rows.length; i++) {
      if (i % step === 0) progress(F.memuat, i, rows.length);
      yield rows[i];
    }
    progress(F.memuat, rows.length, rows.length);
  }
  await copyRows(client, name, names, reported());
  await client.query(`ANALYZE ${name}`);
}

export type { ImportIssue, ImportResult, ImportOptions };
