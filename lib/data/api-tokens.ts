import "server-only";
import crypto from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { actorForSession } from "./users";

// API tokens: shown once at creation, stored only as SHA-256, revocable; a token acts as its user.

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(admin: Actor, userId: string, nama: string): Promise<{ id: string; token: string }> {
  requirePermission(admin, "pengguna.kelola");
  const token = `pantau_${crypto.randomBytes(24).toString("base64url")}`;
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId, nama, hash: hashToken(token) } });
    await tx.auditLog.create({ data: { userId: admin.id, userEmail: admin.email, aksi: "buat", entitas: "api_token", kunci: created.id, baru: { userId, nama, revokedAt: null }, sumber: "admin" } });
    return created;
  });
  return { id: row.id, token };
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

/** The actor behind a bearer token, or null for an unknown or revoked token or an inactive user. */
export async function actorForToken(token: string): Promise<Actor | null> {
  const prisma = await db();
  const row = await prisma.apiToken.findUnique({ where: { hash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt) return null;
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return actorForSession(row.userId, row.user.sesiVersi);
}

export interface TokenRow {
  id: string;
  nama: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface UserTokens {
  id: string;
  email: string;
  nama: string;
  role: Actor["role"];
  tokens: TokenRow[];
}

/** Every active user with their tokens (never the token itself: only its hash is stored). Admin only. */
export async function listApiTokens(admin: Actor): Promise<UserTokens[]> {
  requirePermission(admin, "pengguna.kelola");
  const prisma = await db();
  const users = await prisma.user.findMany({
    where: { aktif: true },
    orderBy: { email: "asc" },
    select: { id: true, email: true, nama: true, role: true, tokens: { orderBy: { createdAt: "desc" }, select: { id: true, nama: true, createdAt: true, lastUsedAt: true, revokedAt: true } } },
  });
  return users.map((u) => ({ id: u.id, email: u.email, nama: u.nama, role: u.role, tokens: u.tokens }));
}
