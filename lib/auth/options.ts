import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyLogin } from "@/lib/data/users";
import { MSG } from "@/lib/i18n/messages";
import { clientAddress } from "./client-address";
import { secureCookies } from "./cookies";
import { authSecret } from "./secret";

/** A session lasts 8 hours (next-auth's token and cookie; also lib/auth/session-cookie.ts). */
export const SESSION_MAX_AGE_S = 8 * 3600;

export const authOptions: NextAuthOptions = {
  // Read on each use, not at import: `next build` loads this module without NEXTAUTH_SECRET, and a
  // production server without it must fail on its first request rather than sign with a guessable key.
  get secret() {
    return authSecret();
  },
  get useSecureCookies() {
    return secureCookies();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  // The token's own expiry: next-auth signs it with jwt.maxAge (30 days by default), not session.maxAge.
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Kata sandi", type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) throw new Error(MSG.loginKosong);
        // A database failure must not leak its text into the login page's URL.
        const result = await verifyLogin(email, password, clientAddress(req.headers)).catch((error: unknown) => {
          console.error(error);
          return { ok: false as const, message: MSG.dbTidakTersedia };
        });
        if (!result.ok) throw new Error(result.message);
        return { id: result.actor.id, email: result.actor.email, name: result.actor.nama, sesiVersi: result.sesiVersi };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sesiVersi?: number }).sesiVersi ?? 0; // set by authorize above
      }
      return token;
    },
    // Only the user id and session version leave the token; the rest is re-read from the database.
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
};
