"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { can, ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { simpanPengaturan } from "@/lib/data/pengaturan";
import { MSG } from "@/lib/i18n/messages";
import { MSG_SASARAN } from "@/lib/i18n/sasaran";
import { pengaturanSchema } from "@/lib/schemas/sasaran";

export interface PengaturanFormState {
  status: "idle" | "ok" | "error";
  message: string | null;
  errors: Record<string, string>;
  values: Record<string, string>;
}

export async function simpanPengaturanAction(_prev: PengaturanFormState, form: FormData): Promise<PengaturanFormState> {
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")));
  const base: PengaturanFormState = { status: "error", message: null, errors: {}, values };
  const actor = await currentActor();
  if (!actor || !can(actor, "sasaran.kelola")) return { ...base, message: MSG.tidakBerhak };
  const parsed = pengaturanSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
    return { ...base, errors, message: MSG_SASARAN.adaKesalahan };
  }
  const p = parsed.data;
  try {
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
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ...base, message: MSG.tidakBerhak };
    console.error(error);
    return { ...base, message: MSG.kesalahanUmum };
  }
}
