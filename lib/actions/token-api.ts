"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/lib/auth/session";
import { can, ForbiddenError } from "@/lib/auth/permissions";
import { createApiToken, DEFAULT_TOKEN_DAYS, revokeApiToken, TokenHolderError } from "@/lib/data/api-tokens";
import { MSG } from "@/lib/i18n/messages";
import { TOKEN } from "@/lib/i18n/token";

export interface TokenFormState {
  status: "idle" | "ok" | "error";
  message: string | null;
  /** The new token, shown once. */
  token: string | null;
}

const buatSchema = z.object({
  userId: z.uuid(TOKEN.pilihPengguna),
  nama: z.string().trim().min(3, TOKEN.namaPendek).max(80, TOKEN.namaPanjang),
  hari: z.enum(["30", "90", "365"], TOKEN.pilihMasa).transform((h) => Number(h) as 30 | 90 | 365),
});

export async function buatTokenAction(_prev: TokenFormState, form: FormData): Promise<TokenFormState> {
  const actor = await currentActor();
  if (!actor || !can(actor, "pengguna.kelola")) return { status: "error", message: MSG.tidakBerhak, token: null };
  const parsed = buatSchema.safeParse({ userId: form.get("userId"), nama: form.get("nama"), hari: form.get("hari") ?? String(DEFAULT_TOKEN_DAYS) });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? MSG.kesalahanUmum, token: null };
  try {
    const { token } = await createApiToken(actor, parsed.data.userId, parsed.data.nama, parsed.data.hari);
    revalidatePath("/admin/token");
    return { status: "ok", message: TOKEN.dibuat, token };
  } catch (error) {
    if (error instanceof TokenHolderError) return { status: "error", message: TOKEN.bukanPemegang, token: null };
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
