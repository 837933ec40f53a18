import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, requirePermission } from "@/lib/auth/permissions";
import { canView } from "@/lib/auth/scope";
import { pool } from "@/lib/db/pool";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";

// Dinkes kabupaten workflow: verify (locks), return with a reason, reopen a verified month with a reason;
// the verification queue. The entry overview (status per desa, values, history) is ./laporan-overview.ts.

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
