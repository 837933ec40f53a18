import "server-only";
import crypto from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { can, requirePermission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { actorForSession } from "./users";

// API tokens: shown once at creation, stored only as SHA-256, revocable, expiring (30, 90 or 365 days);
// a token acts as its user, who must hold the "api.token" permission (dinkes and admin, not puskesmas).

export const TOKEN_DAYS = [30, 90, 365] as const;
export type TokenDays = (typeof TOKEN_DAYS)[number];
export const DEFAULT_TOKEN_DAYS: TokenDays = 90;

/** The user a token was asked for may not hold one (a puskesmas account), or does not exist. */
export class TokenHolderError extends Error {}

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(admin: Actor, userId: string, nama: string, days: TokenDays = DEFAULT_TOKEN_DAYS, now = new Date()): Promise<{ id: string; token: string; expiresAt: Date }> {
  requirePermission(admin, "pengguna.kelola");
  const token = `pantau_${crypto.randomBytes(24).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const holder = await tx.user.findUnique({ where: { id: userId } });
    if (!holder || !can(holder, "api.token")) throw new TokenHolderError();
    const created = await tx.apiToken.create({ data: { userId, nama, hash: hashToken(token), expiresAt } });
    await tx.auditLog.create({ data: { userId: admin.id, userEmail: admin.email, aksi: "buat", entitas: "api_token", kunci: created.id, baru: { userId, nama, revokedAt: null }, sumber: "admin" } });
    return created;
  });
  return { id: row.id, token, expiresAt };
}

export async function revokeApiToken(admin: Actor, id: string): Promise<void> {
  requirePermission(admin, "pengguna.kelola");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id } });
    if (!before || before.revokedAt) return; // unknown or already revoked: nothing to do
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await tx.auditLog.create({
      data: {
        userId: admin.id, userEmail: admin.email, aksi: "cabut", entitas: "api_token", kunci: id, sumber: "admin",
        lama: { userId: before.userId, nama: before.nama, revokedAt: null },
        baru: { userId: after.userId, nama: after.nama, revokedAt: after.revokedAt?.toISOString() ?? null },
      },
    });
  });
}

export type TokenCheck = { ok: true; actor: Actor } | { ok: false; reason: "invalid" | "expired" };

/**
 * The actor behind a bearer token; refused when unknown, revoked, expired, or held by an inactive user or
 * by one who may no longer hold a token (a role changed to puskesmas, a token from before the rule).
 */
export async function actorForToken(token: string, now = new Date()): Promise<TokenCheck> {
  const prisma = await db();
  const row = await prisma.apiToken.findUnique({ where: { hash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt) return { ok: false, reason: "invalid" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  const actor = await actorForSession(row.userId, row.user.sesiVersi);
  return actor && can(actor, "api.token") ? { ok: true, actor } : { ok: false, reason: "invalid" };
}

export interface TokenRow {
  id: string;
  nama: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

export interface UserTokens {
  id: string;
  email: string;
  nama: string;
  role: Actor["role"];
  /** Whether a new token may be made for this user (permission "api.token"). */
  bolehToken: boolean;
  tokens: TokenRow[];
}

/** Every active user with their tokens (never the token itself: only its hash is stored). Admin only. */
export async function listApiTokens(admin: Actor): Promise<UserTokens[]> {
  requirePermission(admin, "pengguna.kelola");
  const prisma = await db();
  const users = await prisma.user.findMany({
    where: { aktif: true },
    orderBy: { email: "asc" },
    select: { id: true, email: true, nama: true, role: true, tokens: { orderBy: { createdAt: "desc" }, select: { id: true, nama: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true } } },
  });
  return users.map((u) => ({ id: u.id, email: u.email, nama: u.nama, role: u.role, bolehToken: can(u, "api.token"), tokens: u.tokens }));
}
