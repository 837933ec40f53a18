"use server";

import { currentActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { getLaporanForm, simpanLaporan } from "@/lib/data/laporan";
import { pesanGalat } from "@/lib/i18n/errors";
import { MSG } from "@/lib/i18n/messages";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import { formDataToLaporan, laporanFormSchema } from "@/lib/schemas/laporan";

export interface LaporanFormState {
  status: "idle" | "ok" | "error" | "conflict";
  message: string | null;
  errors: Record<string, string>;
  warnings: Record<string, string>;
  /** What the user typed, kept on every refusal so nothing is lost. */
  values: Record<string, string>;
  versi: number | null;
  statusLaporan: string | null;
  /** On a conflict: the values now stored, shown beside what the user typed. */
  terkini?: Record<string, number>;
}

export async function simpanLaporanAction(_prev: LaporanFormState, form: FormData): Promise<LaporanFormState> {
  const raw = formDataToLaporan(form);
  const base = { errors: {}, warnings: {}, values: raw.nilai, versi: null, statusLaporan: null };
  const parsed = laporanFormSchema.safeParse(raw);
  try {
    // Inside the try: with the database down the form still answers, keeping what was typed.
    const actor = await currentActor();
    if (!actor) return { ...base, status: "error", message: MSG.tidakBerhak };
    if (!parsed.success) return { ...base, status: "error", message: parsed.error.issues[0]?.message ?? MSG_LAPORAN.adaKesalahan };
    const input = parsed.data;
    const r = await simpanLaporan(actor, { ...input, konfirmasi: input.konfirmasi === "ya", sumber: "formulir" });
    if (r.ok) return { ...base, status: "ok", message: r.status === "DIKIRIM" ? MSG_LAPORAN.terkirim : MSG_LAPORAN.tersimpanDraf, warnings: r.warnings, versi: r.versi, statusLaporan: r.status };
    if (r.reason === "invalid") return { ...base, status: "error", message: r.message, errors: r.errors, warnings: r.warnings };
    if (r.reason === "warnings") return { ...base, status: "error", message: r.message, warnings: r.warnings };
    if (r.reason === "conflict") {
      const now = await getLaporanForm(actor, input.desaKode, input.tahun, input.bulan);
      return { ...base, status: "conflict", message: r.message, versi: now.versi, terkini: now.nilai, statusLaporan: now.status };
    }
    return { ...base, status: "error", message: r.message };
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ...base, status: "error", message: MSG.tidakBerhak };
    return { ...base, status: "error", message: pesanGalat(error) };
  }
}
