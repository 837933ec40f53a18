import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { seesDrafts, visibleStatus } from "@/lib/auth/drafts";
import { ForbiddenError, NotFoundError, requirePermission } from "@/lib/auth/permissions";
import { canView } from "@/lib/auth/scope";
import { pool } from "@/lib/db/pool";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";

// Dinkes kabupaten workflow: verify (locks), return with a reason, reopen a verified month with a reason.

type Aksi = "verifikasi" | "kembalikan" | "buka";
const TRANSITION: Record<Aksi, { from: string; to: string; permission: "laporan.verifikasi" | "laporan.bukaKunci"; counted: boolean }> = {
  verifikasi: { from: "DIKIRIM", to: "DIVERIFIKASI", permission: "laporan.verifikasi", counted: true },
  kembalikan: { from: "DIKIRIM", to: "DIKEMBALIKAN", permission: "laporan.verifikasi", counted: false },
  buka: { from: "DIVERIFIKASI", to: "DIKEMBALIKAN", permission: "laporan.bukaKunci", counted: false },
};

export type WorkflowResult = { ok: true } | { ok: false; message: string };

export async function ubahStatusLaporan(actor: Actor, laporanId: string, aksi: Aksi, versi: number, alasan: string | null): Promise<WorkflowResult> {
  const t = TRANSITION[aksi];
  requirePermission(actor, t.permission);
  if (aksi !== "verifikasi" && (!alasan || alasan.trim().length < 5)) return { ok: false, message: MSG_LAPORAN.alasanWajib };
  const db = await pool();
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    const row = (
      await client.query(
        `SELECT id, desa_kode, tahun, bulan, status::text, versi, provinsi_kode, kabupaten_kode, puskesmas_kode, updated_by FROM laporan WHERE id = $1 FOR UPDATE`,
        [laporanId],
      )
    ).rows[0];
    if (!row) throw new NotFoundError();
    if (!canView(actor, { provinsiKode: row.provinsi_kode, kabupatenKode: row.kabupaten_kode, puskesmasKode: row.puskesmas_kode })) throw new ForbiddenError();
    if (row.status !== t.from || row.versi !== versi) {
      await client.query("ROLLBACK");
      return { ok: false, message: MSG_LAPORAN.statusTidakSesuai };
    }
    // Separation of duties: who submitted a report (a dinkes upload does) does not verify it too.
    if (aksi === "verifikasi" && row.updated_by === actor.email) {
      await client.query("ROLLBACK");
      return { ok: false, message: MSG_LAPORAN.verifikasiSendiri };
    }
    await client.query(
      `UPDATE laporan SET status = $2::"StatusLaporan", versi = versi + 1, alasan = $3, updated_at = now(), updated_by = $4 WHERE id = $1`,
      [laporanId, t.to, aksi === "verifikasi" ? null : alasan!.trim(), actor.email],
    );
    await client.query(`UPDATE nilai SET dihitung = $2 WHERE laporan_id = $1`, [laporanId, t.counted]);
    await client.query(
      `INSERT INTO audit_log (user_id, user_email, aksi, entitas, kunci, lama, baru, sumber) VALUES ($1, $2, $3, 'laporan', $4, $5::jsonb, $6::jsonb, 'verifikasi')`,
      [actor.id, actor.email, aksi, `${row.desa_kode}/${row.tahun}/${row.bulan}`, JSON.stringify(row.status), JSON.stringify({ status: t.to, alasan })],
    );
    await client.query("COMMIT");
    return { ok: true };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface AntreanItem {
  id: string;
  desaKode: string;
  desaNama: string;
  puskesmasNama: string;
  tahun: number;
  bulan: number;
  status: string;
  versi: number;
  terlambat: boolean;
  updatedAt: Date;
  updatedBy: string | null;
}

/** Reports waiting for (or verified by) a dinkes kabupaten user, newest first. */
export async function antreanVerifikasi(actor: Actor, status: "DIKIRIM" | "DIVERIFIKASI" = "DIKIRIM", limit = 200): Promise<AntreanItem[]> {
  requirePermission(actor, "laporan.verifikasi");
  const db = await pool();
  const { rows } = await db.query(
    `SELECT l.id, l.desa_kode, d.nama AS desa_nama, p.nama AS pkm_nama, l.tahun, l.bulan, l.status::text, l.versi, l.terlambat, l.updated_at, l.updated_by
     FROM laporan l JOIN desa d ON d.kode = l.desa_kode JOIN puskesmas p ON p.kode = l.puskesmas_kode
     WHERE l.kabupaten_kode = $1 AND l.status = $2::"StatusLaporan" ORDER BY l.tahun DESC, l.bulan DESC, p.nama, d.nama LIMIT $3`,
    [actor.kabupatenKode, status, limit],
  );
  return rows.map((r) => ({
    id: r.id, desaKode: r.desa_kode, desaNama: r.desa_nama, puskesmasNama: r.pkm_nama, tahun: r.tahun, bulan: r.bulan,
    status: r.status, versi: r.versi, terlambat: r.terlambat, updatedAt: r.updated_at, updatedBy: r.updated_by,
  }));
}

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

/** Audit history of one desa's report (who, when, old → new). */
export async function riwayatLaporan(actor: Actor, desaKode: string, tahun: number, bulan: number) {
  const db = await pool();
  const { rows } = await db.query(`SELECT provinsi_kode, kabupaten_kode, puskesmas_kode FROM desa WHERE kode = $1`, [desaKode]);
  if (!rows[0]) throw new NotFoundError();
  const place = { provinsiKode: rows[0].provinsi_kode, kabupatenKode: rows[0].kabupaten_kode, puskesmasKode: rows[0].puskesmas_kode };
  if (!canView(actor, place)) throw new ForbiddenError();
  const key = `${desaKode}/${tahun}/${bulan}`;
  const draft = (await db.query(`SELECT 1 FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3 AND status = 'DRAFT'`, [desaKode, tahun, bulan])).rowCount !== 0;
  // To anyone else a draft is no report yet: no history at all (not even when it was saved).
  if (draft && !seesDrafts(actor, place)) return [];
  const log = await db.query(
    `SELECT at, user_email, aksi, entitas, kunci, lama, baru, sumber FROM audit_log
     WHERE (entitas = 'laporan' AND kunci = $1) OR (entitas = 'nilai' AND kunci LIKE $2) ORDER BY at DESC, id DESC LIMIT 300`,
    [key, `${key}/%`],
  );
  return log.rows as { at: Date; user_email: string | null; aksi: string; entitas: string; kunci: string; lama: unknown; baru: unknown; sumber: string | null }[];
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
