"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { ubahStatusLaporan } from "@/lib/data/verifikasi";
import { pesanGalat } from "@/lib/i18n/errors";
import { MSG } from "@/lib/i18n/messages";
import { statusLaporanSchema } from "@/lib/schemas/laporan";

export interface StatusFormState {
  message: string | null;
  ok: boolean;
}

export async function ubahStatusLaporanAction(_prev: StatusFormState, form: FormData): Promise<StatusFormState> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const parsed = statusLaporanSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? MSG.kesalahanUmum };
  const { laporanId, aksi, versi, alasan } = parsed.data;
  try {
    const r = await ubahStatusLaporan(actor, laporanId, aksi, versi, alasan ?? null);
    return r.ok ? { ok: true, message: aksi === "verifikasi" ? "Laporan diverifikasi dan dikunci." : aksi === "kembalikan" ? "Laporan dikembalikan ke puskesmas." : "Kunci dibuka; laporan dikembalikan ke puskesmas." } : { ok: false, message: r.message };
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: MSG.tidakBerhak };
    return { ok: false, message: pesanGalat(error) };
  }
}
