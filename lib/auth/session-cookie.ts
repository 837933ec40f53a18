import "server-only";
import type { User } from "next-auth";
import { encode } from "next-auth/jwt";
import type { Actor } from "./actor";
import { secureCookies } from "./cookies";
import { authOptions, SESSION_MAX_AGE_S } from "./options";
import { authSecret } from "./secret";

// The session cookie of a login made by Pantau's own form action (lib/actions/masuk.ts), which works with
// and without JavaScript: the same token next-auth's credentials callback builds (its default fields, then
// our jwt callback), encoded by next-auth's own `encode` with the same secret and lifetime, under the same
// cookie name and options. getServerSession reads it like any other; /api/auth/callback/credentials stays
// for clients that sign in through next-auth (tests, scripts).

/** next-auth's (v4) session cookie: its name over plain HTTP, and with the `__Secure-` prefix. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export interface SessionCookie {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
}

export async function sessionCookie(actor: Pick<Actor, "id" | "email" | "nama">, sesiVersi: number, now = new Date()): Promise<SessionCookie> {
  const user = { id: actor.id, email: actor.email, name: actor.nama, sesiVersi } as User;
  const token = await authOptions.callbacks!.jwt!({
    token: { name: user.name, email: user.email, picture: undefined, sub: user.id },
    user,
    account: { providerAccountId: user.id, type: "credentials", provider: "credentials" },
    isNewUser: false,
    trigger: "signIn",
  });
  const value = await encode({ token, secret: authSecret(), maxAge: SESSION_MAX_AGE_S });
  // next-auth splits a cookie over 4 KB into chunks; ours is a few hundred bytes.
  if (value.length > 3900) throw new Error("token sesi terlalu panjang");
  const secure = secureCookies();
  return {
    name: SESSION_COOKIES[secure ? 1 : 0],
    value,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) },
  };
}
