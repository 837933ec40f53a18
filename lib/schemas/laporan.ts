import { z } from "zod";
import "@/lib/i18n/zod";
import { bulanParam, tahunParam } from "./periode";

const VERSI_TIDAK_SAH = "Versi laporan tidak sah; muat ulang halaman.";
const versiField = (min: number) => z.coerce.number({ message: VERSI_TIDAK_SAH }).int({ message: VERSI_TIDAK_SAH }).min(min, VERSI_TIDAK_SAH);

// The monthly report form. Values stay text here: lib/laporan/validasi.ts parses them with field messages.
export const laporanFormSchema = z.object({
  desaKode: z.string({ message: "Kode desa tidak sah." }).regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "Kode desa tidak sah."),
  tahun: tahunParam,
  bulan: bulanParam,
  versi: versiField(0),
  aksi: z.enum(["draf", "kirim"], { message: "Pilih simpan draf atau kirim." }),
  konfirmasi: z.literal("ya").optional(),
  nilai: z.record(z.string().regex(/^[A-Z]{2,4}-[A-Z0-9]{1,8}$/, "Kode indikator tidak dikenal."), z.string().max(40, "Isian terlalu panjang.")),
});

export const statusLaporanSchema = z.object({
  laporanId: z.uuid("Laporan tidak sah."),
  aksi: z.enum(["verifikasi", "kembalikan", "buka"], { message: "Tindakan tidak dikenal." }),
  versi: versiField(1),
  alasan: z.string().trim().max(500, "Alasan terlalu panjang.").optional(),
});

/** FormData → the schema's input: fields `nilai.<KODE>` become the `nilai` record. */
export function formDataToLaporan(form: FormData) {
  const nilai: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (k.startsWith("nilai.") && typeof v === "string") nilai[k.slice(6)] = v;
  return {
    desaKode: form.get("desaKode"),
    tahun: form.get("tahun"),
    bulan: form.get("bulan"),
    versi: form.get("versi"),
    aksi: form.get("aksi"),
    konfirmasi: form.get("konfirmasi") ?? undefined,
    nilai,
  };
}

/** The bulk grid: one klaster × the desa of a puskesmas; fields `versi.<desa>` and `v.<desa>.<KODE>`. */
export const gridFormSchema = z.object({
  puskesmasKode: z.string().regex(/^P\d{6,12}$/, "Kode puskesmas tidak sah."),
  tahun: tahunParam,
  bulan: bulanParam,
  klaster: z.enum(["K2", "K3", "K4"], { message: "Klaster tidak sah." }),
  aksi: z.enum(["draf", "kirim"], { message: "Pilih simpan atau kirim." }),
  konfirmasi: z.literal("ya").optional(),
  versi: z.record(z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/), z.coerce.number().int().min(0)),
  nilai: z.record(z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}\.[A-Z]{2,4}-[A-Z0-9]{1,8}$/), z.string().max(40, "Isian terlalu panjang.")),
});

export function formDataToGrid(form: FormData) {
  const versi: Record<string, string> = {};
  const nilai: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string") continue;
    if (k.startsWith("versi.")) versi[k.slice(6)] = v;
    else if (k.startsWith("v.")) nilai[k.slice(2)] = v;
  }
  return {
    puskesmasKode: form.get("puskesmasKode"),
    tahun: form.get("tahun"),
    bulan: form.get("bulan"),
    klaster: form.get("klaster"),
    aksi: form.get("aksi"),
    konfirmasi: form.get("konfirmasi") ?? undefined,
    versi,
    nilai,
  };
}

/**
 * An entry typed offline and sent from the phone's outbox (POST /api/v1/offline/kirim, JSON): the form's
 * fields, the confirmation as a boolean and the time it was typed.
 */
export const kirimOfflineSchema = laporanFormSchema.omit({ konfirmasi: true }).extend({
  konfirmasi: z.boolean(),
  diketikAt: z.iso.datetime({ offset: true, message: "Waktu pengetikan tidak sah." }).pipe(z.coerce.date()),
});
