"use server";

import { revalidatePath } from "next/cache";
import { getLaporanForm, simpanLaporan } from "@/lib/data/laporan";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import { formDataToLaporan, laporanFormSchema } from "@/lib/schemas/laporan";
import { formAction } from "./action";

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
  /** Saved on the phone (offline), not yet sent (components/laporan/laporan-form.tsx). */
  luring?: boolean;
}

const base = (form: FormData) => ({ errors: {}, warnings: {}, values: formDataToLaporan(form).nilai, versi: null, statusLaporan: null });

const run = formAction<LaporanFormState, ReturnType<typeof laporanFormSchema.parse>>({
  permission: "laporan.isi",
  schema: laporanFormSchema,
  input: formDataToLaporan,
  invalidMessage: MSG_LAPORAN.adaKesalahan,
  // A value's field is its indicator code (the schema's path is nilai.<KODE>).
  refuse: (form, r) => ({ ...base(form), status: "error", message: r.message, errors: Object.fromEntries(Object.entries(r.errors).map(([k, m]) => [k.replace(/^nilai\./, ""), m])) }),
  run: async ({ actor, input, form }) => {
    const r = await simpanLaporan(actor, { ...input, konfirmasi: input.konfirmasi === "ya", sumber: "formulir" });
    if (r.ok) {
      // The page around the form (its status, last change, history) is drawn again with the answer.
      revalidatePath(`/laporan/${input.desaKode}`);
      return { ...base(form), status: "ok", message: r.status === "DIKIRIM" ? MSG_LAPORAN.terkirim : MSG_LAPORAN.tersimpanDraf, warnings: r.warnings, versi: r.versi, statusLaporan: r.status };
    }
    if (r.reason === "invalid") return { ...base(form), status: "error", message: r.message, errors: r.errors, warnings: r.warnings };
    if (r.reason === "warnings") return { ...base(form), status: "error", message: r.message, warnings: r.warnings };
    if (r.reason === "conflict") {
      const now = await getLaporanForm(actor, input.desaKode, input.tahun, input.bulan);
      return { ...base(form), status: "conflict", message: r.message, versi: now.versi, terkini: now.nilai, statusLaporan: now.status };
    }
    return { ...base(form), status: "error", message: r.message };
  },
});

export async function simpanLaporanAction(prev: LaporanFormState, form: FormData): Promise<LaporanFormState> {
  return run(prev, form);
}
