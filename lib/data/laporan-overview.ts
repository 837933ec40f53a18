import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { seesDrafts, visibleStatus } from "@/lib/auth/drafts";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { canView } from "@/lib/auth/scope";
import { pool } from "@/lib/db/pool";
import { riwayatTanpaDraf, type EntriRiwayat } from "@/lib/laporan/riwayat";

// The monthly entry overview of a puskesmas: every desa with its report status, the stored values of a
// month, and one report's audit history. Drafts show only to the puskesmas (DOMAIN.md §7).

export interface RingkasanDesa {
  desaKode: string;
  desaNama: string;
  id: string | null;
  status: string | null;
  alasan: string | null;
  versi: number;
  terlambat: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** Entry overview: every desa of a puskesmas with its report status for a month (drafts shown to the puskesmas). */
export async function ringkasanBulan(actor: Actor, puskesmasKode: string, tahun: number, bulan: number): Promise<RingkasanDesa[]> {
  const db = await pool();
  const { rows: pkm } = await db.query(`SELECT provinsi_kode, kabupaten_kode FROM puskesmas WHERE kode = $1`, [puskesmasKode]);
  if (!pkm[0]) throw new NotFoundError();
  const place = { provinsiKode: pkm[0].provinsi_kode, kabupatenKode: pkm[0].kabupaten_kode, puskesmasKode };
  if (!canView(actor, place)) throw new ForbiddenError();
  const { rows } = await db.query(
    `SELECT d.kode, d.nama, l.id, l.status::text, l.alasan, l.versi, l.terlambat, l.updated_at, l.updated_by
     FROM desa d LEFT JOIN laporan l ON l.desa_kode = d.kode AND l.tahun = $2 AND l.bulan = $3
     WHERE d.puskesmas_kode = $1 ORDER BY d.nama`,
    [puskesmasKode, tahun, bulan],
  );
  return rows.map((r) => {
    const hidden = r.status !== null && visibleStatus(actor, place, r.status) === null;
    return {
      desaKode: r.kode, desaNama: r.nama, id: hidden ? null : r.id, status: hidden ? null : r.status, alasan: hidden ? null : r.alasan,
      versi: hidden ? 0 : (r.versi ?? 0), terlambat: hidden ? false : (r.terlambat ?? false), updatedAt: hidden ? null : r.updated_at, updatedBy: hidden ? null : r.updated_by,
    };
  });
}

/** Audit history of one desa's report (who, when, old → new), newest first, as `actor` may see it. */
export async function riwayatLaporan(actor: Actor, desaKode: string, tahun: number, bulan: number): Promise<EntriRiwayat[]> {
  const db = await pool();
  const { rows } = await db.query(`SELECT provinsi_kode, kabupaten_kode, puskesmas_kode FROM desa WHERE kode = $1`, [desaKode]);
  if (!rows[0]) throw new NotFoundError();
  const place = { provinsiKode: rows[0].provinsi_kode, kabupatenKode: rows[0].kabupaten_kode, puskesmasKode: rows[0].puskesmas_kode };
  if (!canView(actor, place)) throw new ForbiddenError();
  const key = `${desaKode}/${tahun}/${bulan}`;
  const own = seesDrafts(actor, place);
  const draft = (await db.query(`SELECT 1 FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3 AND status = 'DRAFT'`, [desaKode, tahun, bulan])).rowCount !== 0;
  // To anyone else a draft is no report yet: no history at all (not even when it was saved).
  if (draft && !own) return [];
  const log = await db.query<EntriRiwayat>(
    `SELECT at, user_email, aksi, entitas, kunci, lama, baru, sumber FROM audit_log
     WHERE (entitas = 'laporan' AND kunci = $1) OR (entitas = 'nilai' AND kunci LIKE $2) ORDER BY at, id`,
    [key, `${key}/%`],
  );
  // Others read it as if the report's drafts never existed (a value typed in a draft, then changed before
  // submitting, stays the puskesmas's own).
  return (own ? log.rows : riwayatTanpaDraf(log.rows)).reverse().slice(0, 300);
}

/** Stored values of every desa of a puskesmas for one month (drafts only for the puskesmas itself). */
export async function nilaiBulanPuskesmas(actor: Actor, puskesmasKode: string, tahun: number, bulan: number): Promise<Map<string, Map<string, number>>> {
  await ringkasanBulan(actor, puskesmasKode, tahun, bulan); // scope check
  const db = await pool();
  const { rows } = await db.query<{ d: string; i: string; v: number }>(
    `SELECT n.desa_kode d, n.indikator_kode i, n.nilai v FROM nilai n JOIN laporan l ON l.id = n.laporan_id
     WHERE n.puskesmas_kode = $1 AND n.tahun = $2 AND n.bulan = $3 AND ($4 OR l.status <> 'DRAFT')`,
    [puskesmasKode, tahun, bulan, seesDrafts(actor, { puskesmasKode })],
  );
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!out.has(r.d)) out.set(r.d, new Map());
    out.get(r.d)!.set(r.i, r.v);
  }
  return out;
}
