"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { formAction } from "./action";

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

const buat = formAction<TokenFormState, z.infer<typeof buatSchema>>({
  permission: "pengguna.kelola",
  schema: buatSchema,
  input: (form) => ({ userId: form.get("userId"), nama: form.get("nama") }),
  refuse: (_form, r) => ({ status: "error", message: r.message, token: null }),
  run: async ({ actor, input }) => {
    const { token } = await createApiToken(actor, input.userId, input.nama);
    revalidatePath("/admin/token");
    return { status: "ok", message: "Token dibuat. Salin sekarang: token ini tidak akan ditampilkan lagi.", token };
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
  refuse: () => undefined, // a plain form: nothing to show, nothing changes
  run: async ({ actor, input }) => {
    await revokeApiToken(actor, input);
    revalidatePath("/admin/token");
  },
});

export async function cabutTokenAction(form: FormData): Promise<void> {
  await cabut(undefined, form);
}
