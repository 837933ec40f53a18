import { validasiLaporan, type KonteksValidasi } from "@/lib/laporan/validasi";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import { formDataToLaporan, laporanFormSchema } from "@/lib/schemas/laporan";

// A save on the phone is checked exactly as the server checks it: the form's zod schema, then
// lib/laporan/validasi with the validation context the server gave the package (no copy of a rule here).

export type HasilPeriksa =
  | { ok: true; input: { desaKode: string; tahun: number; bulan: number; versi: number; aksi: "draf" | "kirim"; nilai: Record<string, string>; konfirmasi: boolean }; warnings: Record<string, string> }
  | { ok: false; message: string; errors: Record<string, string>; warnings: Record<string, string> };

/**
 * `status`: the report's status in the package. A submitted report takes changes only as a submission
 * (the server refuses a draft of it with the same message, lib/data/laporan simpanDalam).
 */
export function periksaLuring(form: FormData, konteks: KonteksValidasi, status: string | null = null): HasilPeriksa {
  const parsed = laporanFormSchema.safeParse(formDataToLaporan(form));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) errors[i.path.map(String).join(".").replace(/^nilai\./, "")] ??= i.message;
    return { ok: false, message: MSG_LAPORAN.adaKesalahan, errors, warnings: {} };
  }
  const v = validasiLaporan(parsed.data.nilai, konteks);
  if (Object.keys(v.errors).length > 0) return { ok: false, message: MSG_LAPORAN.adaKesalahan, errors: v.errors, warnings: v.warnings };
  if (status === "DIKIRIM" && parsed.data.aksi === "draf") return { ok: false, message: MSG_LAPORAN.sudahDikirim, errors: {}, warnings: v.warnings };
  const konfirmasi = parsed.data.konfirmasi === "ya";
  if (Object.keys(v.warnings).length > 0 && !konfirmasi) return { ok: false, message: MSG_LAPORAN.perluKonfirmasi, errors: {}, warnings: v.warnings };
  return { ok: true, input: { ...parsed.data, konfirmasi }, warnings: v.warnings };
}
