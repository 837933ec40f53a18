import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as spm } from "@/app/api/v1/spm/route";
import { GET as xlsx } from "@/app/api/v1/ekspor/xlsx/route";
import { ForbiddenError } from "@/lib/auth/permissions";
import { createApiToken, listApiTokens, revokeApiToken, TokenHolderError } from "@/lib/data/api-tokens";
import { TOKEN } from "@/lib/i18n/token";
import { ADMIN, SERANG } from "./helpers";

// API tokens: created by an admin for a user, act with that user's scope, stored hashed, revocable.
let client: pg.Client;
let userId: string;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  userId = (await client.query(`SELECT id FROM app_user WHERE email = 'dinkes.serang@pantau.id'`)).rows[0].id;
});
afterAll(() => client.end());

const call = (handler: (r: Request) => Promise<Response>, query: string, token?: string) =>
  handler(new Request(`http://localhost/api/v1/x?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));

describe("API tokens", () => {
  it("only an admin creates, lists and revokes tokens", async () => {
    await expect(createApiToken(SERANG, userId, "coba")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listApiTokens(SERANG)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("no token for a puskesmas account (API reads never show drafts); an existing one is refused", async () => {
    const pkm = (await client.query(`SELECT id FROM app_user WHERE email = 'pkm.anyar@pantau.id'`)).rows[0].id;
    await expect(createApiToken(ADMIN, pkm, "coba")).rejects.toBeInstanceOf(TokenHolderError);
    // A token made before the rule (written straight into the table) no longer opens the API.
    await client.query(`INSERT INTO api_token (id, user_id, nama, hash, expires_at) VALUES (gen_random_uuid(), $1, 'lama', $2, now() + interval '1 day')`, [pkm, createHash("sha256").update("pantau_lama_pkm").digest("hex")]);
    expect((await call(spm, "wilayah=P36043001&tahun=2026&bulan=6", "pantau_lama_pkm")).status).toBe(401);
    expect((await listApiTokens(ADMIN)).find((u) => u.id === pkm)?.bolehToken).toBe(false);
  });

  it("a token expires after the days chosen (default 90): 401 with its own message", async () => {
    const past = new Date(Date.now() - 31 * 86_400_000);
    const { token, expiresAt } = await createApiToken(ADMIN, userId, "bulanan", 30, past);
    expect(expiresAt.getTime()).toBe(past.getTime() + 30 * 86_400_000);
    const r = await call(spm, "wilayah=36.04&tahun=2026&bulan=6", token);
    expect(r.status).toBe(401);
    expect((await r.json()).error).toEqual({ code: "UNAUTHORIZED", message: TOKEN.kedaluwarsa });
    const fresh = await createApiToken(ADMIN, userId, "standar");
    expect(Math.round((fresh.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(90);
    expect((await call(spm, "wilayah=36.04&tahun=2026&bulan=6", fresh.token)).status).toBe(200);
  });

  it("a token answers inside its user's scope, 403 outside, 401 once revoked; only its hash is stored", async () => {
    const { id, token } = await createApiToken(ADMIN, userId, "sinkron DHIS2");
    const stored = (await client.query(`SELECT hash FROM api_token WHERE id = $1`, [id])).rows[0].hash;
    expect(stored).not.toContain(token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);

    const own = await call(spm, "wilayah=36.04&tahun=2026&bulan=6", token);
    expect(own.status).toBe(200);
    expect((await own.json()).wilayah).toEqual({ kode: "36.04", nama: "Kabupaten Serang", tingkat: "kabupaten" });
    const file = await call(xlsx, "wilayah=36.04&tahun=2026&bulan=6&detail=anak&indikator=spm", token);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="capaian-spm_36.04_2026-06.xlsx"');

    const other = await call(spm, "wilayah=17.07&tahun=2026&bulan=6", token);
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe("FORBIDDEN");
    expect((await call(spm, "wilayah=36&tahun=2026&bulan=6", token)).status).toBe(403);
    expect((await call(spm, "wilayah=99.99&tahun=2026&bulan=6", token)).status).toBe(404);
    expect((await call(spm, "wilayah=36.04&tahun=2026&bulan=13", token)).status).toBe(400);
    expect((await call(spm, "wilayah=36.04&tahun=2026&bulan=6", "pantau_salah")).status).toBe(401);

    const listed = (await listApiTokens(ADMIN)).find((u) => u.id === userId)!;
    expect(listed.tokens.find((t) => t.id === id)?.lastUsedAt).not.toBeNull();

    await revokeApiToken(ADMIN, id);
    await revokeApiToken(ADMIN, id); // twice is harmless
    expect((await call(spm, "wilayah=36.04&tahun=2026&bulan=6", token)).status).toBe(401);
    const audit = await client.query(`SELECT aksi FROM audit_log WHERE entitas = 'api_token' AND kunci = $1 ORDER BY id`, [id]);
    expect(audit.rows.map((r) => r.aksi)).toEqual(["buat", "cabut"]);
  });
});
