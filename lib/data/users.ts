import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { afterFailure, LOCK_MINUTES, lockedMinutesLeft, MAX_FAILED_LOGINS } from "@/lib/auth/lockout";
import { hashPasswordSync, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/prisma";
import { MSG } from "@/lib/i18n/messages";

let dummyHash: string | undefined;

export type LoginResult = { ok: true; actor: Actor; sesiVersi: number } | { ok: false; message: string };

type UserRow = {
  id: string;
  email: string;
  nama: string;
  role: Actor["role"];
  provinsiKode: string | null;
  kabupatenKode: string | null;
  puskesmasKode: string | null;
};

function toActor(u: UserRow): Actor {
  return {
    id: u.id,
    email: u.email,
    nama: u.nama,
    role: u.role,
    provinsiKode: u.provinsiKode,
    kabupatenKode: u.kabupatenKode,
    puskesmasKode: u.puskesmasKode,
  };
}

/** Checks a login; counts failures and locks the account after too many. */
export async function verifyLogin(email: string, password: string, now = new Date()): Promise<LoginResult> {
  const prisma = await db();
  // A control character (NUL would make PostgreSQL refuse the query) or an over-long address is no account.
  const plausible = email.length <= 254 && !/[\u0000-\u001f\u007f]/.test(email);
  const user = plausible ? await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } }) : null;
  // Same work and same message whether the email exists or not.
  if (!user) {
    dummyHash ??= hashPasswordSync("pantau-tidak-ada");
    await verifyPassword(password, dummyHash);
    return { ok: false, message: MSG.loginGagal };
  }
  const minutes = lockedMinutesLeft(user.terkunciSampai, now);
  if (minutes > 0) return { ok: false, message: MSG.akunTerkunci(minutes) };
  if (!user.aktif) return { ok: false, message: MSG.akunNonaktif };
  const before = { gagalLogin: user.gagalLogin, terkunciSampai: user.terkunciSampai?.toISOString() ?? null };
  // The attempt is counted before the (slow) password check, in one atomic statement that also sees a lock
  // set meanwhile: guesses sent in parallel cannot all be checked against a counter none of them has raised.
  // (Prisma stores UTC wall-clock time in timestamp columns: the ISO text is cast the same way.)
  const claimed = await prisma.$queryRaw<{ gagal_login: number }[]>`
    UPDATE app_user SET gagal_login = gagal_login + 1
    WHERE id = ${user.id}::uuid AND gagal_login < ${MAX_FAILED_LOGINS}
      AND (terkunci_sampai IS NULL OR terkunci_sampai <= ${now.toISOString()}::timestamp)
    RETURNING gagal_login`;
  if (claimed.length === 0) return { ok: false, message: MSG.akunTerkunci(LOCK_MINUTES) }; // the limit is reached by attempts in flight
  const attempt = claimed[0].gagal_login;
  if (!(await verifyPassword(password, user.passwordHash))) {
    const next = afterFailure(attempt - 1, now);
    const log = prisma.auditLog.create({
      data: {
        ...auditOf(user), aksi: next.terkunciSampai ? "kunci" : "login_gagal", lama: { ...before, gagalLogin: attempt - 1 },
        baru: { gagalLogin: next.gagalLogin, terkunciSampai: next.terkunciSampai?.toISOString() ?? null }, sumber: "login",
      },
    });
    // The counter is already raised; only the attempt that reaches the limit writes (the lock, counter 0).
    if (next.terkunciSampai) await prisma.$transaction([prisma.user.update({ where: { id: user.id }, data: next }), log]);
    else await log;
    if (next.terkunciSampai) return { ok: false, message: MSG.akunTerkunci(lockedMinutesLeft(next.terkunciSampai, now)) };
    return { ok: false, message: MSG.loginGagal };
  }
  // Success: the counter goes back to 0 (logged only when it or a lock was there before this attempt).
  const reset = prisma.user.update({ where: { id: user.id }, data: { gagalLogin: 0, terkunciSampai: null } });
  if (attempt - 1 > 0 || user.terkunciSampai) {
    await prisma.$transaction([
      reset,
      prisma.auditLog.create({ data: { ...auditOf(user), aksi: "login", lama: { ...before, gagalLogin: attempt - 1 }, baru: { gagalLogin: 0, terkunciSampai: null }, sumber: "login" } }),
    ]);
  } else {
    await reset;
  }
  return { ok: true, actor: toActor(user), sesiVersi: user.sesiVersi };
}

/** The actor behind a session token, or null when the user is gone, inactive or logged out since. */
export async function actorForSession(userId: string, sesiVersi: number): Promise<Actor | null> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user || !user.aktif || user.sesiVersi !== sesiVersi) return null;
  return toActor(user);
}

/** Logout: every session token of this user stops working. */
export async function endSessions(actor: Actor): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const u = await tx.user.update({ where: { id: actor.id }, data: { sesiVersi: { increment: 1 } } });
    await tx.auditLog.create({ data: { ...auditOf(u), aksi: "keluar", lama: { sesiVersi: u.sesiVersi - 1 }, baru: { sesiVersi: u.sesiVersi }, sumber: "sesi" } });
  });
}

/** Who and what of an audit row about a user's own account (login counters, lock, logout). */
function auditOf(user: { id: string; email: string }) {
  return { userId: user.id, userEmail: user.email, entitas: "app_user", kunci: user.id };
}
