"use server";

import { revalidatePath } from "next/cache";
import { simpanPengaturan } from "@/lib/data/pengaturan";
import { MSG_SASARAN } from "@/lib/i18n/sasaran";
import { pengaturanSchema } from "@/lib/schemas/sasaran";
import { formAction, type FieldFormState } from "./action";

export type PengaturanFormState = FieldFormState;

const values = (form: FormData) => Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));

const run = formAction<PengaturanFormState, ReturnType<typeof pengaturanSchema.parse>>({
  permission: "sasaran.kelola",
  schema: pengaturanSchema,
  input: values,
  invalidMessage: MSG_SASARAN.adaKesalahan,
  refuse: (form, r) => ({ status: "error", message: r.message, errors: r.errors, values: values(form) }),
  run: async ({ actor, input: p }) => {
    const r = await simpanPengaturan(actor, p.kabupatenKode, p.tahun, p.hariBatas, {
      cbrPerMil: p.cbrPerMil,
      faktorIbuHamil: p.faktorIbuHamil,
      faktorIbuBersalin: p.faktorIbuBersalin,
      proporsi: {
        balita: p["proporsi.balita"],
        usia_dikdas: p["proporsi.usia_dikdas"],
        usia_produktif: p["proporsi.usia_produktif"],
        lansia: p["proporsi.lansia"],
        remaja: p["proporsi.remaja"],
        usia_15_plus: p["proporsi.usia_15_plus"],
      },
      prevalensiHipertensi: p.prevalensiHipertensi,
      prevalensiDm: p.prevalensiDm,
      prevalensiOdgjBerat: p.prevalensiOdgjBerat,
      faktorTerdugaTb: p.faktorTerdugaTb,
    });
    revalidatePath("/pengaturan");
    return { status: "ok", message: MSG_SASARAN.pengaturanTersimpan(r.sasaranBerubah), errors: {}, values: {} };
  },
});

export async function simpanPengaturanAction(prev: PengaturanFormState, form: FormData): Promise<PengaturanFormState> {
  return run(prev, form);
}
