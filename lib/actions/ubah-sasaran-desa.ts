"use server";

import { revalidatePath } from "next/cache";
import { getSasaranDesa, ubahSasaranDesa, type UbahSasaranDesa } from "@/lib/data/sasaran-desa";
import { MSG_SASARAN } from "@/lib/i18n/sasaran";
import { parseNilai } from "@/lib/laporan/validasi";
import { sasaranDesaSchema } from "@/lib/schemas/sasaran";
import { formAction, type FieldFormState } from "./action";

/** Fields `penduduk.<kelompok>` and `sasaran.<KODE>`. */
export type SasaranFormState = FieldFormState;

const values = (form: FormData) => {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && (k.startsWith("penduduk.") || k.startsWith("sasaran."))) out[k] = v;
  return out;
};

const run = formAction<SasaranFormState, ReturnType<typeof sasaranDesaSchema.parse>>({
  permission: "sasaran.kelola",
  schema: sasaranDesaSchema,
  input: (form) => ({ desaKode: form.get("desaKode"), tahun: form.get("tahun") }),
  invalidMessage: MSG_SASARAN.adaKesalahan,
  refuse: (form, r) => ({ status: "error", message: r.message, errors: r.errors, values: values(form) }),
  run: async ({ actor, input: { desaKode, tahun }, form }) => {
    const typed = values(form);
    const base: SasaranFormState = { status: "error", message: null, errors: {}, values: typed };
    const now = await getSasaranDesa(actor, desaKode, tahun);
    const ubah: UbahSasaranDesa = { penduduk: {}, sasaran: {}, keEstimasi: form.getAll("estimasi").filter((v): v is string => typeof v === "string") };
    const errors: Record<string, string> = {};
    // A field absent from the post is left as it is; a field sent empty is an error (no silent clearing).
    for (const [k, lama] of Object.entries(now.penduduk)) {
      if (typed[`penduduk.${k}`] === undefined) continue;
      const p = parseNilai(typed[`penduduk.${k}`]);
      if (!p.ok) errors[`penduduk.${k}`] = p.message;
      else if (p.value === null && lama !== null) errors[`penduduk.${k}`] = MSG_SASARAN.tidakBolehKosong;
      else if (p.value !== null && p.value !== lama) ubah.penduduk[k as keyof UbahSasaranDesa["penduduk"]] = p.value;
    }
    for (const s of now.sasaran) {
      if (typed[`sasaran.${s.kode}`] === undefined) continue;
      const p = parseNilai(typed[`sasaran.${s.kode}`]);
      if (!p.ok) errors[`sasaran.${s.kode}`] = p.message;
      else if (p.value !== null && p.value !== s.jumlah && !ubah.keEstimasi.includes(s.kode)) ubah.sasaran[s.kode] = p.value;
    }
    if (Object.keys(errors).length > 0) return { ...base, errors, message: MSG_SASARAN.adaKesalahan };
    const r = await ubahSasaranDesa(actor, desaKode, tahun, ubah);
    if (!r.ok) return { ...base, message: r.message };
    revalidatePath(`/sasaran/${desaKode}`);
    const n = Object.keys(ubah.penduduk).length + Object.keys(ubah.sasaran).length + ubah.keEstimasi.length;
    return { status: "ok", message: MSG_SASARAN.tersimpan(n), errors: {}, values: {} };
  },
});

/** Population (changed counts), sasaran typed over the shown figure (→ DITETAPKAN), and "back to estimate". */
export async function ubahSasaranDesaAction(prev: SasaranFormState, form: FormData): Promise<SasaranFormState> {
  return run(prev, form);
}
