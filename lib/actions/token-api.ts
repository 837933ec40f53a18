"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createApiToken, DEFAULT_TOKEN_DAYS, revokeApiToken, TokenHolderError } from "@/lib/data/api-tokens";
import { TOKEN } from "@/lib/i18n/token";
import { formAction } from "./action";

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

const buat = formAction<TokenFormState, z.infer<typeof buatSchema>>({
  permission: "pengguna.kelola",
  schema: buatSchema,
  input: (form) => ({ userId: form.get("userId"), nama: form.get("nama"), hari: form.get("hari") ?? String(DEFAULT_TOKEN_DAYS) }),
  refuse: (_form, r) => ({ status: "error", message: r.message, token: null }),
  run: async ({ actor, input }) => {
    try {
      const { token } = await createApiToken(actor, input.userId, input.nama, input.hari);
      revalidatePath("/admin/token");
      return { status: "ok", message: TOKEN.dibuat, token };
    } catch (error) {
      if (error instanceof TokenHolderError) return { status: "error", message: TOKEN.bukanPemegang, token: null };
      throw error;
    }
  },
});

export async function buatTokenAction(prev: TokenFormState, form: FormData): Promise<TokenFormState> {
  return buat(prev, form);
}

const cabut = formAction<void, string>({
  permission: "pengguna.kelola",
  loginRedirect: true,
  schema: z.uuid(),
  input: (form) => form.get("id"),
  // A plain form: nothing to show, nothing changes; a user without the right is sent home.
  refuse: (_form, r) => {
    if (r.reason === "forbidden") redirect("/");
  },
  run: async ({ actor, input }) => {
    await revokeApiToken(actor, input);
    revalidatePath("/admin/token");
  },
});

export async function cabutTokenAction(form: FormData): Promise<void> {
  await cabut(undefined, form);
}
