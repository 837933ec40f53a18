"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { endSessions } from "@/lib/data/users";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Logout: invalidates every session token of the user (server side), then clears the cookie. */
export async function keluar(): Promise<void> {
  const actor = await currentActor();
  if (actor) await endSessions(actor);
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/login");
}
