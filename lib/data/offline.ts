import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, requirePermission } from "@/lib/auth/permissions";
import { todayWib } from "@/lib/clock";
import type { PaketOffline } from "@/lib/offline/paket";
import { lastFullMonth } from "@/lib/spm/periode";
import { getLaporanForm, simpanLaporan, type SimpanResult } from "./laporan";
import { ringkasanBulan } from "./laporan-overview";
import { getWilayah } from "./wilayah";

// Offline entry (issue 16), server side: the package a puskesmas's phone keeps, and the save of an entry
// typed offline — through the same save as the form (lib/data/laporan simpanLaporan → tulisLaporan), with
// source `offline` and the time it was typed in the audit log.

/** The package of the actor's own puskesmas, with its ETag (a hash of the content: unchanged → 304). */
export async function paketOffline(actor: Actor): Promise<{ paket: PaketOffline; etag: string }> {
  requirePermission(actor, "laporan.isi");
  if (actor.role !== "PUSKESMAS" || !actor.puskesmasKode) throw new ForbiddenError();
  const kode = actor.puskesmasKode;
  const akhir = lastFullMonth(todayWib());
  const periode = [akhir, lastFullMonth(akhir)];
  const [pkm, daftar] = await Promise.all([getWilayah(actor, kode), ringkasanBulan(actor, kode, akhir.tahun, akhir.bulan)]);
  // One form read per desa and month (about 10 desa × 2): the same read as the online form, so the phone
  // validates with exactly the server's context.
  const desa = await Promise.all(
    daftar.map(async (d) => ({
      kode: d.desaKode,
      nama: d.desaNama,
      laporan: await Promise.all(periode.map(async (p) => {
        const f = await getLaporanForm(actor, d.desaKode, p.tahun, p.bulan);
        return { tahun: p.tahun, bulan: p.bulan, status: f.status, versi: f.versi, nilai: f.nilai, konteks: f.konteks, belumDihitung: f.belumDihitung };
      })),
    })),
  ).then((list) => list.map((d) => ({ kode: d.kode, tanda: hash(JSON.stringify(d)), nama: d.nama, laporan: d.laporan })));
  const paket: PaketOffline = { userId: actor.id, puskesmas: { kode, nama: pkm.nama }, periode, desa };
  const etag = `"${hash(JSON.stringify(paket))}"`;
  return { paket, etag };
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 27);
}

export interface KirimOffline {
  desaKode: string;
  tahun: number;
  bulan: number;
  versi: number;
  aksi: "draf" | "kirim";
  nilai: Record<string, string>;
  konfirmasi: boolean;
  diketikAt: Date;
}

export type HasilKirimOffline =
  | { hasil: "ok"; versi: number; status: string }
  | { hasil: "konflik"; terkunci: boolean; message: string; server: { versi: number; status: string | null; nilai: Record<string, number> } }
  | { hasil: "ditolak"; message: string; errors: Record<string, string>; warnings: Record<string, string> };

/** Saves one entry of a phone's outbox; a changed or verified report is a conflict answered with what it holds now. */
export async function kirimOffline(actor: Actor, input: KirimOffline, now = new Date()): Promise<HasilKirimOffline> {
  const salahWaktu = waktuKetikTidakMasuk(input, now);
  if (salahWaktu) return { hasil: "ditolak", message: salahWaktu, errors: {}, warnings: {} };
  const r: SimpanResult = await simpanLaporan(actor, { ...input, sumber: "offline" });
  if (r.ok) return { hasil: "ok", versi: r.versi, status: r.status };
  if (r.reason === "conflict" || r.reason === "locked") {
    const now = await getLaporanForm(actor, input.desaKode, input.tahun, input.bulan);
    return { hasil: "konflik", terkunci: r.reason === "locked", message: r.message, server: { versi: now.versi, status: now.status, nilai: now.nilai } };
  }
  return { hasil: "ditolak", message: r.message, errors: r.reason === "invalid" ? r.errors : {}, warnings: r.reason === "invalid" || r.reason === "warnings" ? r.warnings : {} };
}

/** The audit's typed time comes from the phone's clock: it cannot be later than its arrival (a few
 *  minutes of clock drift allowed) nor earlier than the first day of the month it reports (WIB). */
export function waktuKetikTidakMasuk(input: Pick<KirimOffline, "tahun" | "bulan" | "diketikAt">, now: Date): string | null {
  const toleransiMs = 10 * 60_000;
  const awalBulanWib = Date.UTC(input.tahun, input.bulan - 1, 1) - 7 * 3600_000;
  if (input.diketikAt.getTime() > now.getTime() + toleransiMs) return "Waktu pengetikan di ponsel lebih lambat dari sekarang: periksa jam ponsel.";
  if (input.diketikAt.getTime() < awalBulanWib) return "Waktu pengetikan di ponsel lebih awal dari bulan laporannya: periksa jam ponsel.";
  return null;
}
