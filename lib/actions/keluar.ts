"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { endSessions } from "@/lib/data/users";
import { formAction } from "./action";


async function clearCookies(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
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
