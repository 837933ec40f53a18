import "server-only";
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { IMPORT_MSG } from "@/lib/i18n/import";
import type { ImportProgress } from "@/lib/import/rows";
import { todayWib } from "@/lib/clock";
import { terlambat } from "@/lib/spm/kelengkapan";
import { batch, type Statement } from "@/lib/db/batch";
import { columnNames, fewRows, fill, fillStatement, tempTableStatements, type Row } from "./staging";

// The one write path of monthly values (issue 14): the form, the bulk grid, the web upload and the CLI
// import all end here, inside their caller's transaction, after their checks (scope, version, lock) and the
// one validation (lib/laporan/validasi). Set-based whatever the size: one report of the form or a
// hundred thousand rows of a file cost the same statements. Writes only what differs, audits every change
// with one spelling (kunci `desa/tahun/bulan[/indikator]`, aksi tambah | ubah | hapus | status) and its
// source, and judges lateness on one clock (lib/clock todayWib) against the kabupaten's deadline day.

export type StatusTulis = "DRAFT" | "DIKIRIM";

/** One report as it is to be after the write. */
export interface LaporanTulis {
  desaKode: string;
  tahun: number;
  bulan: number;
  status: StatusTulis;
  /** Indicator → its value after the write; null removes a stored value. Indicators not named keep theirs. */
  nilai: ReadonlyMap<string, number | null>;
  /** The warning confirmed for a value, stored beside it. */
  peringatan: ReadonlyMap<string, string>;
  /** When it was typed, if not now (an offline entry synced later): audited beside the save time. */
  diketikAt?: Date;
}

/** Where a change came from, as the audit log records it. */
export type SumberTulis = "formulir" | "grid" | "import" | "offline" | "test";

export interface HasilTulis {
  /** Values new, changed and removed. */
  inserted: number;
  updated: number;
  deleted: number;
  /** The version of each written report after the write, by periodKey (`desa/tahun/bulan`). */
  versi: Map<string, number>;
  /** Reports created meanwhile by another session (nothing of the write should be kept). */
  konflik: string[];
}

const F = IMPORT_MSG.fase;

/** The write's temporary tables (lib/data/staging tempTables: kept by the connection, emptied at commit). */
const TABLES = {
  tulis_laporan: "desa_kode text, tahun int, bulan int, status text, terlambat bool, diketik_at timestamp",
  tulis_nilai: "desa_kode text, tahun int, bulan int, indikator_kode text, nilai int, peringatan text",
  tulis_beda: "desa_kode text, tahun int, bulan int, indikator_kode text, nilai int, peringatan text, lama int",
};

export interface OpsiTulis {
  progress?: ImportProgress;
  /** Each desa's deadline day, when the caller has read it (hariBatasStatement) in its own batch. */
  batas?: ReadonlyMap<string, number>;
}

/**
 * Writes `reports` inside the caller's transaction. When `konflik` is not empty the caller must roll back.
 * A small write (a form's report) is two round trips (lib/db/batch): everything up to the conflict check,
 * then the values; a large one is loaded with COPY and runs the same statements one step at a time,
 * reporting progress between them.
 */
export async function tulisLaporan(
  client: pg.ClientBase,
  actor: Actor,
  reports: readonly LaporanTulis[],
  sumber: SumberTulis,
  opts: OpsiTulis = {},
): Promise<HasilTulis> {
  const progress = opts.progress ?? (() => {});
  const now = new Date();
  const at = now.toISOString();
  const today = todayWib(now);
  const steps = 7;
  const batas = opts.batas ?? hariBatasFrom((await client.query(...hariBatasStatement([...new Set(reports.map((r) => r.desaKode))]))).rows);
  const laporanRows: Row[] = reports.map((r) => [r.desaKode, r.tahun, r.bulan, r.status, r.status === "DIKIRIM" && terlambat(today, r.tahun, r.bulan, batas.get(r.desaKode)), r.diketikAt?.toISOString() ?? null]);
  const nilaiRows: Row[] = reports.flatMap((r) => [...r.nilai].map(([i, v]) => [r.desaKode, r.tahun, r.bulan, i, v, v === null ? null : (r.peringatan.get(i) ?? null)]));
  const few = fewRows(laporanRows) && fewRows(nilaiRows);
  const setup = tempTableStatements(TABLES);
  if (few) {
    for (const f of [fillStatement("tulis_laporan", columnNames(TABLES.tulis_laporan), laporanRows), fillStatement("tulis_nilai", columnNames(TABLES.tulis_nilai), nilaiRows)]) if (f) setup.push(f);
  } else {
    await batch(client, setup);
    setup.length = 0;
    await fill(client, "tulis_laporan", columnNames(TABLES.tulis_laporan), laporanRows);
    await fill(client, "tulis_nilai", columnNames(TABLES.tulis_nilai), nilaiRows, progress);
  }
  const p = [at, actor.email, actor.id, sumber] as const;
  // Each step: its statements, then the progress it reports (the step number of `steps`).
  const before: Statement[][] = [
    // Only what differs from what is stored: a new value, a changed one, or a removal of a stored one. The
    // tables are analysed on every write, small or large: their statistics outlive the rows (the tables stay
    // with the connection), and a save planned with an import's counts would plan its joins for 100,000 rows.
    [
      [`ANALYZE tulis_laporan, tulis_nilai`],
      [`INSERT INTO tulis_beda
        SELECT s.desa_kode, s.tahun, s.bulan, s.indikator_kode, s.nilai, s.peringatan, n.nilai AS lama
        FROM tulis_nilai s
        LEFT JOIN laporan l USING (desa_kode, tahun, bulan)
        LEFT JOIN nilai n ON n.laporan_id = l.id AND n.indikator_kode = s.indikator_kode
        WHERE n.nilai IS DISTINCT FROM s.nilai`],
      [`ANALYZE tulis_beda`],
    ],
    // Existing reports whose status or values change: versi + 1; a submission clears the reason and is
    // timed (dikirim_at, terlambat). The status change is audited.
    [[
      `WITH target AS (
         SELECT l.id, l.status::text AS lama, t.status AS baru, t.terlambat, t.diketik_at, l.desa_kode, l.tahun, l.bulan
         FROM tulis_laporan t JOIN laporan l USING (desa_kode, tahun, bulan)
         WHERE l.status::text <> t.status OR EXISTS (SELECT 1 FROM tulis_beda b WHERE (b.desa_kode, b.tahun, b.bulan) = (t.desa_kode, t.tahun, t.bulan))),
       naik AS (
         UPDATE laporan l SET status = t.baru::"StatusLaporan", versi = l.versi + 1,
           alasan = CASE WHEN t.baru = 'DIKIRIM' THEN NULL ELSE l.alasan END,
           dikirim_at = CASE WHEN t.baru = 'DIKIRIM' THEN $1::timestamp ELSE l.dikirim_at END,
           terlambat = CASE WHEN t.baru = 'DIKIRIM' THEN t.terlambat ELSE l.terlambat END,
           updated_at = $1::timestamp, updated_by = $2
         FROM target t WHERE l.id = t.id RETURNING l.id)
       INSERT INTO audit_log (at, user_id, user_email, aksi, entitas, kunci, lama, baru, sumber, diketik_at)
       SELECT $1::timestamp, $3, $2, 'status', 'laporan', desa_kode || '/' || tahun || '/' || bulan, to_jsonb(lama), to_jsonb(baru), $4, diketik_at
       FROM target WHERE lama <> baru ORDER BY desa_kode, tahun, bulan`,
      p,
    ]],
    // New reports. One created meanwhile by another session is a conflict, never a silent merge.
    [[
      `WITH diminta AS (
         SELECT t.* FROM tulis_laporan t
         WHERE NOT EXISTS (SELECT 1 FROM laporan l WHERE (l.desa_kode, l.tahun, l.bulan) = (t.desa_kode, t.tahun, t.bulan))),
       baru AS (
         INSERT INTO laporan (id, desa_kode, tahun, bulan, status, versi, puskesmas_kode, kecamatan_kode, kabupaten_kode,
           provinsi_kode, dikirim_at, terlambat, created_at, updated_at, updated_by)
         SELECT gen_random_uuid(), d.kode, t.tahun, t.bulan, t.status::"StatusLaporan", 1, d.puskesmas_kode, d.kecamatan_kode, d.kabupaten_kode,
           d.provinsi_kode, CASE WHEN t.status = 'DIKIRIM' THEN $1::timestamp END, t.terlambat, $1::timestamp, $1::timestamp, $2
         FROM diminta t JOIN desa d ON d.kode = t.desa_kode
         ON CONFLICT (desa_kode, tahun, bulan) DO NOTHING
         RETURNING desa_kode, tahun, bulan, status::text),
       audit AS (
         INSERT INTO audit_log (at, user_id, user_email, aksi, entitas, kunci, lama, baru, sumber, diketik_at)
         SELECT $1::timestamp, $3, $2, 'status', 'laporan', b.desa_kode || '/' || b.tahun || '/' || b.bulan, NULL, to_jsonb(b.status), $4, t.diketik_at
         FROM baru b JOIN tulis_laporan t USING (desa_kode, tahun, bulan) ORDER BY b.desa_kode, b.tahun, b.bulan)
       SELECT desa_kode || '/' || tahun || '/' || bulan AS k FROM (
         SELECT desa_kode, tahun, bulan FROM diminta EXCEPT SELECT desa_kode, tahun, bulan FROM baru) x`,
      p,
    ]],
  ];
  const after: Statement[][] = [
    [
      [`DELETE FROM nilai n USING tulis_beda b JOIN laporan l USING (desa_kode, tahun, bulan)
        WHERE b.nilai IS NULL AND n.laporan_id = l.id AND n.indikator_kode = b.indikator_kode`],
      [
        `INSERT INTO nilai (laporan_id, indikator_kode, nilai, peringatan, desa_kode, puskesmas_kode, kecamatan_kode, kabupaten_kode,
           provinsi_kode, tahun, bulan, dihitung, updated_at, updated_by)
         SELECT l.id, b.indikator_kode, b.nilai, b.peringatan, d.kode, d.puskesmas_kode, d.kecamatan_kode, d.kabupaten_kode,
           d.provinsi_kode, b.tahun, b.bulan, t.status = 'DIKIRIM', $1::timestamp, $2
         FROM tulis_beda b
         JOIN tulis_laporan t USING (desa_kode, tahun, bulan)
         JOIN laporan l USING (desa_kode, tahun, bulan)
         JOIN desa d ON d.kode = b.desa_kode
         WHERE b.nilai IS NOT NULL
         ON CONFLICT (laporan_id, indikator_kode) DO UPDATE SET nilai = EXCLUDED.nilai, peringatan = EXCLUDED.peringatan,
           dihitung = EXCLUDED.dihitung, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [at, actor.email],
      ],
    ],
    // Values kept from before count when their report does (DOMAIN.md §7: DIKIRIM and DIVERIFIKASI count);
    // a value submitted now is stamped now (DHIS2's lastUpdated must not be a draft's save time).
    [[
      `UPDATE nilai n SET dihitung = (t.status = 'DIKIRIM'), updated_at = $1::timestamp, updated_by = $2
       FROM tulis_laporan t JOIN laporan l USING (desa_kode, tahun, bulan)
       WHERE n.laporan_id = l.id AND n.dihitung <> (t.status = 'DIKIRIM')`,
      [at, actor.email],
    ]],
    // The value audit, the counts and each report's new versi.
    [[
      `WITH a AS (
         INSERT INTO audit_log (at, user_id, user_email, aksi, entitas, kunci, lama, baru, sumber, diketik_at)
         SELECT $1::timestamp, $3, $2, CASE WHEN b.lama IS NULL THEN 'tambah' WHEN b.nilai IS NULL THEN 'hapus' ELSE 'ubah' END, 'nilai',
           b.desa_kode || '/' || b.tahun || '/' || b.bulan || '/' || b.indikator_kode, to_jsonb(b.lama), to_jsonb(b.nilai), $4, t.diketik_at
         FROM tulis_beda b JOIN tulis_laporan t USING (desa_kode, tahun, bulan) ORDER BY b.desa_kode, b.tahun, b.bulan, b.indikator_kode)
       SELECT count(*) FILTER (WHERE lama IS NULL)::int AS inserted, count(*) FILTER (WHERE lama IS NOT NULL AND nilai IS NOT NULL)::int AS updated,
         count(*) FILTER (WHERE nilai IS NULL)::int AS deleted,
         (SELECT coalesce(json_object_agg(l.desa_kode || '/' || l.tahun || '/' || l.bulan, l.versi), '{}')
          FROM tulis_laporan t JOIN laporan l USING (desa_kode, tahun, bulan)) AS versi
       FROM tulis_beda`,
      p,
    ]],
  ];
  progress(F.menyimpan, 1, steps);
  const hilang = (await runSteps(client, setup, before, few, 2, (k) => progress(F.menyimpan, k, steps))).rows as { k: string }[];
  if (hilang.length > 0) return { inserted: 0, updated: 0, deleted: 0, versi: new Map(), konflik: hilang.map((r) => r.k) };
  const counts = await runSteps(client, [], after, few, 5, (k) => progress(F.menyimpan, Math.min(k, steps), steps));
  const { versi, ...n } = counts.rows[0] as { inserted: number; updated: number; deleted: number; versi: Record<string, number> };
  return { ...n, versi: new Map(Object.entries(versi)), konflik: [] };
}

/**
 * Runs `first` and the statements of `groups`: all in one batch when `few`, else a batch per group. After
 * each group it reports its step (`step` for the first group, then one up). Answers the last statement's result.
 */
async function runSteps(client: pg.ClientBase, first: Statement[], groups: Statement[][], few: boolean, step: number, report: (step: number) => void): Promise<pg.QueryResult> {
  if (few) {
    const results = await batch(client, [...first, ...groups.flat()]);
    groups.forEach((_, k) => report(step + k));
    return results[results.length - 1];
  }
  let last: pg.QueryResult | undefined;
  for (const [k, g] of [first, ...groups].entries()) {
    if (g.length === 0) continue;
    const results = await batch(client, g);
    last = results[results.length - 1];
    if (k > 0) report(step + k - 1);
  }
  return last!;
}

/** The statement reading the deadline day of each of `desa`'s kabupaten (DOMAIN.md §6); hariBatasFrom reads its rows. */
export function hariBatasStatement(desa: readonly string[]): [string, unknown[]] {
  return [`SELECT d.kode, k.hari_batas AS hari FROM desa d JOIN kabupaten k ON k.kode = d.kabupaten_kode WHERE d.kode = ANY($1)`, [desa]];
}

export function hariBatasFrom(rows: readonly { kode: string; hari: number }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.kode, r.hari]));
}
