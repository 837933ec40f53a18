"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/lib/auth/session";
import { can, ForbiddenError } from "@/lib/auth/permissions";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { MSG } from "@/lib/i18n/messages";

export interface TokenFormState {
  status: "idle" | "ok" | "error";
  message: string | null;
  /** The new token, shown once. */
  token: string | null;
}

const buatSchema = z.object({
  userId: z.uuid("Pilih pengguna."),
  nama: z.string().trim().min(3, "Beri nama token (minimal 3 huruf), misalnya nama aplikasi yang memakainya.").max(80, "Nama token terlalu panjang."),
});

export async function buatTokenAction(_prev: TokenFormState, form: FormData): Promise<TokenFormState> {
  const actor = await currentActor();
  if (!actor || !can(actor, "pengguna.kelola")) return { status: "error", message: MSG.tidakBerhak, token: null };
  const parsed = buatSchema.safeParse({ userId: form.get("userId"), nama: form.get("nama") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? MSG.kesalahanUmum, token: null };
  try {
    const { token } = await createApiToken(actor, parsed.data.userId, parsed.data.nama);
    revalidatePath("/admin/token");
    return { status: "ok", message: "Token dibuat. Salin sekarang: token ini tidak akan ditampilkan lagi.", token };
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "error", message: MSG.tidakBerhak, token: null };
    console.error(error);
    return { status: "error", message: MSG.kesalahanUmum, token: null };
  }
}

export async function cabutTokenAction(form: FormData): Promise<void> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (!can(actor, "pengguna.kelola")) redirect("/"); // not an admin: nothing changes
  const id = z.uuid().safeParse(form.get("id"));
  if (!id.success) return;
  await revokeApiToken(actor, id.data);
  revalidatePath("/admin/token");
}
