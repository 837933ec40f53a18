import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashPasswordSync, verifyPassword } from "@/lib/auth/password";
import { accountKey, addressKey } from "@/lib/auth/throttle";
import { db } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import { MSG } from "@/lib/i18n/messages";
import { addressWaits, claimAccount, claimCleanAddress, forgive, recordFailure, releaseAddress } from "./login-throttle";

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

const REFUSED: LoginResult = { ok: false, message: MSG.loginGagal };
/** The longest password looked at: bcrypt reads only its first 72 bytes, so a longer one adds nothing. */
export const MAKS_PANJANG_SANDI = 1024;

/**
 * Checks a login from client `address` under the throttle of lib/auth/throttle.ts. Unknown email, inactive
 * account, wrong password and a throttled attempt all get the same answer; an unknown email costs the same
 * bcrypt work as a known one (a dummy hash), and is throttled the same way.
 */
export async function verifyLogin(email: string, password: string, address: string, now = new Date()): Promise<LoginResult> {
  // bcrypt reads 72 bytes; a longer input is no password of ours, and hashing megabytes (the login form's
  // action accepts bodies of 12 MB, for the values upload) cost ~100 MB and most of a second each.
  if (password.length > MAKS_PANJANG_SANDI || email.length > 254) return REFUSED;
  const akun = accountKey(email);
  const alamat = addressKey(address);
  if (await addressWaits(alamat, now)) return REFUSED;
  const claim = await claimAccount(akun, now);
  // A waiting account still gets one check from an address without recorded failures (its owner, most likely).
  const bypass = claim === null;
  if (bypass && !(await claimCleanAddress(alamat, now))) return REFUSED;
  const prisma = await db();
  // A control character (NUL would make PostgreSQL refuse the query) or an over-long address is no account.
  const plausible = email.length <= 254 && !/[\u0000-\u001f\u007f]/.test(email);
  const user = plausible ? await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } }) : null;
  dummyHash ??= hashPasswordSync("pantau-tidak-ada");
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? dummyHash);
  if (user && user.aktif && passwordOk) {
    const before = await forgive(akun, !bypass);
    if (bypass) await releaseAddress(alamat);
    if (before > 0) await prisma.auditLog.create({ data: { ...auditOf(user, akun), aksi: "login", lama: { jumlah: before }, sumber: "login" } });
    return { ok: true, actor: toActor(user), sesiVersi: user.sesiVersi };
  }
  // The account's count was raised by the claim; a bypass raised the address's. Raise the other one.
  const count = bypass ? await recordFailure(akun, now) : claim;
  if (!bypass) await recordFailure(alamat, now);
  if (user) {
    await prisma.auditLog.create({
      data: { ...auditOf(user, akun), aksi: "login_gagal", lama: count > 1 ? { jumlah: count - 1 } : undefined, baru: { jumlah: count }, sumber: "login" },
    });
  }
  return REFUSED;
}

/** The actor behind a session token, or null when the user is gone, inactive or logged out since. */
export async function actorForSession(userId: string, sesiVersi: number): Promise<Actor | null> {
  // Every request asks: one plain query on the pg pool (Prisma's client costs a few times its CPU).
  const { rows } = await (await pool()).query<UserRow & { aktif: boolean; sesiVersi: number }>(
    `SELECT id, email, nama, role::text AS role, provinsi_kode AS "provinsiKode", kabupaten_kode AS "kabupatenKode",
       puskesmas_kode AS "puskesmasKode", aktif, sesi_versi AS "sesiVersi" FROM app_user WHERE id = $1`,
    [userId],
  );
  const user = rows[0];
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

/** Who and what of an audit row about a user's own account: its logout, or its failed-login counter. */
function auditOf(user: { id: string; email: string }, counter?: string) {
  return { userId: user.id, userEmail: user.email, entitas: counter ? "login_gagal" : "app_user", kunci: counter ?? user.id };
}
