import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as spm } from "@/app/api/v1/spm/route";
import { GET as xlsx } from "@/app/api/v1/ekspor/xlsx/route";
import { ForbiddenError } from "@/lib/auth/permissions";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/data/api-tokens";
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
