import pg from "pg";
import { hashPasswordSync } from "@/lib/auth/password";
import { stableUuid } from "@/lib/db/random";

// Deterministic accounts of the reliability suite, created straight in the test database: one PUSKESMAS
// user per puskesmas of a provinsi without demo data (Jawa Tengah, 33: 576 puskesmas), ordered by code,
// plus the dinkes and admin accounts the workflow needs.

export const PASSWORD = "uji-keandalan-2026";
export const LOAD_PROVINSI = "33";
/** A second provinsi for the audit and session tests, so they never touch the load test's reports. */
export const AUDIT_PROVINSI = "34";

export interface TestUser {
  email: string;
  role: "ADMIN" | "DINKES_PROVINSI" | "DINKES_KABUPATEN" | "PUSKESMAS";
  provinsiKode: string | null;
  kabupatenKode: string | null;
  puskesmasKode: string | null;
}

export const ADMIN_USER: TestUser = { email: "uji.admin@pantau.test", role: "ADMIN", provinsiKode: null, kabupatenKode: null, puskesmasKode: null };

export function puskesmasEmail(index: number): string {
  return `uji.pkm.${String(index).padStart(3, "0")}@pantau.test`;
}

export function kabupatenEmail(kabupatenKode: string): string {
  return `uji.kab.${kabupatenKode}@pantau.test`;
}

export function provinsiEmail(provinsiKode: string): string {
  return `uji.prov.${provinsiKode}@pantau.test`;
}

let hash: string | undefined;

/** Creates accounts (password PASSWORD) when missing. */
export async function createUsers(url: string, users: readonly TestUser[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await insertUsers(client, users);
  } finally {
    await client.end();
  }
}

async function insertUsers(client: pg.ClientBase, users: readonly TestUser[]): Promise<void> {
  hash ??= hashPasswordSync(PASSWORD);
  await client.query(
    `INSERT INTO app_user (id, email, nama, password_hash, role, provinsi_kode, kabupaten_kode, puskesmas_kode)
     SELECT u.id, u.email, u.email, $1, u.role::"Role", u.p, u.k, u.pk
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, email, role, p, k, pk)
     ON CONFLICT (email) DO NOTHING`,
    [
      hash,
      users.map((u) => stableUuid(u.email)),
      users.map((u) => u.email),
      users.map((u) => u.role),
      users.map((u) => u.provinsiKode),
      users.map((u) => u.kabupatenKode),
      users.map((u) => u.puskesmasKode),
    ],
  );
}

export interface LoadPuskesmas {
  index: number;
  kode: string;
  kabupatenKode: string;
  email: string;
  desa: string[];
}

export interface LoadFixture {
  /** The first `count` puskesmas of the load provinsi, each with one PUSKESMAS account. */
  puskesmas: LoadPuskesmas[];
  /** The next puskesmas, with two accounts (`a`, `b`) saving the same report for the conflict test. */
  konflik: { kode: string; desa: string; emails: [string, string] };
}

/** The first `limit` puskesmas of a provinsi (by code) with their desa codes. */
async function puskesmasWithDesa(client: pg.Client, provinsi: string, limit: number) {
  const { rows } = await client.query<{ kode: string; kabupaten_kode: string; desa: string[] }>(
    `SELECT p.kode, p.kabupaten_kode, array_agg(d.kode ORDER BY d.kode) AS desa
     FROM puskesmas p JOIN desa d ON d.puskesmas_kode = p.kode
     WHERE p.provinsi_kode = $1 GROUP BY p.kode, p.kabupaten_kode ORDER BY p.kode LIMIT $2`,
    [provinsi, limit],
  );
  return rows;
}

/** Accounts of the load test (see LoadFixture) and of the provinsi's dinkes; idempotent. */
export async function createLoadUsers(url: string, count: number): Promise<LoadFixture> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await puskesmasWithDesa(client, LOAD_PROVINSI, count + 1);
    if (rows.length < count + 1) throw new Error(`only ${rows.length} puskesmas in provinsi ${LOAD_PROVINSI}`);
    const k = rows.pop()!;
    const puskesmas = rows.map((r, index) => ({ index, kode: r.kode, kabupatenKode: r.kabupaten_kode, email: puskesmasEmail(index), desa: r.desa }));
    const konflik: LoadFixture["konflik"] = { kode: k.kode, desa: k.desa[0], emails: [`uji.konflik.a@pantau.test`, `uji.konflik.b@pantau.test`] };
    const users: TestUser[] = puskesmas.map((p) => ({ email: p.email, role: "PUSKESMAS", provinsiKode: LOAD_PROVINSI, kabupatenKode: p.kabupatenKode, puskesmasKode: p.kode }));
    for (const email of konflik.emails) users.push({ email, role: "PUSKESMAS", provinsiKode: LOAD_PROVINSI, kabupatenKode: k.kabupaten_kode, puskesmasKode: k.kode });
    users.push({ email: provinsiEmail(LOAD_PROVINSI), role: "DINKES_PROVINSI", provinsiKode: LOAD_PROVINSI, kabupatenKode: null, puskesmasKode: null });
    users.push(ADMIN_USER);
    await insertUsers(client, users);
    return { puskesmas, konflik };
  } finally {
    await client.end();
  }
}

export interface AuditFixture {
  puskesmas: { kode: string; email: string; desa: string[] };
  kabupaten: { kode: string; email: string };
}

/** One puskesmas of the audit provinsi with its account, and the dinkes of its kabupaten. */
export async function createAuditUsers(url: string): Promise<AuditFixture> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await puskesmasWithDesa(client, AUDIT_PROVINSI, 1);
    const p = rows[0];
    const fixture: AuditFixture = {
      puskesmas: { kode: p.kode, email: `uji.audit.${p.kode.toLowerCase()}@pantau.test`, desa: p.desa },
      kabupaten: { kode: p.kabupaten_kode, email: kabupatenEmail(p.kabupaten_kode) },
    };
    await insertUsers(client, [
      { email: fixture.puskesmas.email, role: "PUSKESMAS", provinsiKode: AUDIT_PROVINSI, kabupatenKode: p.kabupaten_kode, puskesmasKode: p.kode },
      { email: fixture.kabupaten.email, role: "DINKES_KABUPATEN", provinsiKode: AUDIT_PROVINSI, kabupatenKode: p.kabupaten_kode, puskesmasKode: null },
      ADMIN_USER,
    ]);
    return fixture;
  } finally {
    await client.end();
  }
}
