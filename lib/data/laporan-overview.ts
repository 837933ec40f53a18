import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { seesDrafts, visibleStatus } from "@/lib/auth/drafts";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { canView } from "@/lib/auth/scope";
import { pool } from "@/lib/db/pool";
import { INDIKATOR } from "@/lib/spm/catalog";
import { riwayatTanpaDraf, type EntriRiwayat, type Riwayat } from "@/lib/laporan/riwayat";

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

/**
 * Audit history of one desa's report (who, when, old → new), newest first, as `actor` may see it; with
 * `batas`, only the latest `batas` entries (`jumlah` still counts them all). The entries of the report's
 * values are found by their exact keys (`desa/tahun/bulan/indikator`, index lookups), not by a LIKE prefix
 * that the (entitas, kunci) index cannot serve outside the C collation.
 */
export async function riwayatLaporan(actor: Actor, desaKode: string, tahun: number, bulan: number, batas?: number): Promise<Riwayat> {
  const db = await pool();
  const key = `${desaKode}/${tahun}/${bulan}`;
  const keys = [key, INDIKATOR.map((i) => `${key}/${i.kode}`)];
  const where = `(entitas = 'laporan' AND kunci = $1) OR (entitas = 'nilai' AND kunci = ANY($2::text[]))`;
  const { rows } = await db.query<{ provinsi_kode: string; kabupaten_kode: string; puskesmas_kode: string; draft: boolean; jumlah: number }>(
    `SELECT d.provinsi_kode, d.kabupaten_kode, d.puskesmas_kode,
       EXISTS (SELECT 1 FROM laporan WHERE desa_kode = d.kode AND tahun = $4 AND bulan = $5 AND status = 'DRAFT') AS draft,
       (SELECT count(*)::int FROM audit_log WHERE ${where}) AS jumlah
     FROM desa d WHERE d.kode = $3`,
    [...keys, desaKode, tahun, bulan],
  );
  if (!rows[0]) throw new NotFoundError();
  const place = { provinsiKode: rows[0].provinsi_kode, kabupatenKode: rows[0].kabupaten_kode, puskesmasKode: rows[0].puskesmas_kode };
  if (!canView(actor, place)) throw new ForbiddenError();
  const own = seesDrafts(actor, place);
  // To anyone else a draft is no report yet: no history at all (not even when it was saved).
  if (rows[0].draft && !own) return { entri: [], jumlah: 0 };
  // Found by key first (MATERIALIZED: never by walking the whole log backwards on its time index), then ordered.
  const select = `WITH r AS MATERIALIZED (SELECT id, at, user_email, aksi, entitas, kunci, lama, baru, sumber FROM audit_log WHERE ${where})
    SELECT at, user_email, aksi, entitas, kunci, lama, baru, sumber FROM r`;
  if (own) {
    // The puskesmas reads its log as written: the latest entries straight from the index.
    const log = await db.query<EntriRiwayat>(`${select} ORDER BY at DESC, id DESC${batas === undefined ? "" : " LIMIT $3"}`, batas === undefined ? keys : [...keys, batas]);
    return { entri: log.rows, jumlah: rows[0].jumlah };
  }
  // Others read it as if the report's drafts never existed (a value typed in a draft, then changed before
  // submitting, stays the puskesmas's own): the whole log is needed to tell.
  const log = await db.query<EntriRiwayat>(`${select} ORDER BY at, id`, keys);
  const entri = riwayatTanpaDraf(log.rows).reverse();
  return { entri: batas === undefined ? entri : entri.slice(0, batas), jumlah: entri.length };
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
