"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { currentActor } from "@/lib/auth/session";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { verifyLogin } from "@/lib/data/users";
import { MSG } from "@/lib/i18n/messages";

// Login from the login page's form, with or without JavaScript (a plain POST of the form when scripts have
// not run, as on a slow phone before the page is hydrated): the same check as next-auth's credentials
// provider (lib/auth/options.ts authorize → verifyLogin, with its throttling), then next-auth's own session
// cookie (lib/auth/session-cookie.ts), then the start page.

export interface MasukState {
  error: string | null;
  /** What was typed in the email field, to show it again after a refusal (never the password). */
  email: string;
}

export async function masuk(_prev: MasukState, form: FormData): Promise<MasukState> {
  if (await currentActor()) redirect("/"); // signed in already: as the login page, the start page
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const typed = email.slice(0, 254); // shown again; an address is at most 254 characters (verifyLogin refuses longer)
  if (!email.trim() || !password) return { error: MSG.loginKosong, email: typed };
  const address = clientAddress(Object.fromEntries((await headers()).entries()));
  const result = await verifyLogin(email, password, address).catch((error: unknown) => {
    console.error(error);
    return { ok: false as const, message: MSG.dbTidakTersedia };
  });
  if (!result.ok) return { error: result.message, email: typed };
  const c = await sessionCookie(result.actor, result.sesiVersi);
  (await cookies()).set(c.name, c.value, c.options);
  redirect("/");
}
