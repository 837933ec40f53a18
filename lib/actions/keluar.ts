"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { secureCookies } from "@/lib/auth/cookies";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { endSessions } from "@/lib/data/users";
import { formAction } from "./action";


/** Both session cookie names, expired with the attributes they were set with: a browser ignores a
 *  `__Secure-` cookie (even its deletion) sent without `Secure`. */
async function clearCookies(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.set(name, "", { path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") || secureCookies(), maxAge: 0 });
}

// Without a session there is nothing to end: the wrapper sends the browser to the login page.
const run = formAction<void, unknown>({
  loginRedirect: true,
  schema: z.unknown(),
  input: () => undefined,
  refuse: () => undefined,
  run: async ({ actor }) => {
    await endSessions(actor);
  },
});

/** Logout: invalidates every session token of the user (server side), then clears the cookie. */
export async function keluar(form: FormData): Promise<void> {
  try {
    await run(undefined, form);
  } finally {
    await clearCookies();
  }
  redirect("/login");
}
