"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { can, ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { getSasaranDesa, ubahSasaranDesa, type UbahSasaranDesa } from "@/lib/data/sasaran-desa";
import { MSG } from "@/lib/i18n/messages";
import { MSG_SASARAN } from "@/lib/i18n/sasaran";
import { parseNilai } from "@/lib/laporan/validasi";
import { sasaranDesaSchema } from "@/lib/schemas/sasaran";

export interface SasaranFormState {
  status: "idle" | "ok" | "error";
  message: string | null;
  /** Keyed by field name (`penduduk.total`, `sasaran.SPM-01`). */
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** Population (changed counts), sasaran typed over the shown figure (→ DITETAPKAN), and "back to estimate". */
export async function ubahSasaranDesaAction(_prev: SasaranFormState, form: FormData): Promise<SasaranFormState> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && (k.startsWith("penduduk.") || k.startsWith("sasaran."))) values[k] = v;
  const base: SasaranFormState = { status: "error", message: null, errors: {}, values };
  const actor = await currentActor();
  if (!actor || !can(actor, "sasaran.kelola")) return { ...base, message: MSG.tidakBerhak };
  const parsed = sasaranDesaSchema.safeParse({ desaKode: form.get("desaKode"), tahun: form.get("tahun") });
  if (!parsed.success) return { ...base, message: parsed.error.issues[0]?.message ?? MSG_SASARAN.adaKesalahan };
  const { desaKode, tahun } = parsed.data;
  try {
    const now = await getSasaranDesa(actor, desaKode, tahun);
    const ubah: UbahSasaranDesa = { penduduk: {}, sasaran: {}, keEstimasi: form.getAll("estimasi").filter((v): v is string => typeof v === "string") };
    const errors: Record<string, string> = {};
    // A field absent from the post is left as it is; a field sent empty is an error (no silent clearing).
    for (const [k, lama] of Object.entries(now.penduduk)) {
      if (values[`penduduk.${k}`] === undefined) continue;
      const p = parseNilai(values[`penduduk.${k}`]);
      if (!p.ok) errors[`penduduk.${k}`] = p.message;
      else if (p.value === null && lama !== null) errors[`penduduk.${k}`] = MSG_SASARAN.tidakBolehKosong;
      else if (p.value !== null && p.value !== lama) ubah.penduduk[k as keyof UbahSasaranDesa["penduduk"]] = p.value;
    }
    for (const s of now.sasaran) {
      if (values[`sasaran.${s.kode}`] === undefined) continue;
      const p = parseNilai(values[`sasaran.${s.kode}`]);
      if (!p.ok) errors[`sasaran.${s.kode}`] = p.message;
      else if (p.value !== null && p.value !== s.jumlah && !ubah.keEstimasi.includes(s.kode)) ubah.sasaran[s.kode] = p.value;
    }
    if (Object.keys(errors).length > 0) return { ...base, errors, message: MSG_SASARAN.adaKesalahan };
    const r = await ubahSasaranDesa(actor, desaKode, tahun, ubah);
    if (!r.ok) return { ...base, message: r.message };
    revalidatePath(`/sasaran/${desaKode}`);
    const n = Object.keys(ubah.penduduk).length + Object.keys(ubah.sasaran).length + ubah.keEstimasi.length;
    return { status: "ok", message: MSG_SASARAN.tersimpan(n), errors: {}, values: {} };
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ...base, message: MSG.tidakBerhak };
    console.error(error);
    return { ...base, message: MSG.kesalahanUmum };
  }
}
