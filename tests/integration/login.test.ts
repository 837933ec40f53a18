import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountKey, ACCOUNT_FREE_FAILURES, BYPASS_ADDRESS_FAILURES, ADDRESS_FREE_FAILURES, addressKey } from "@/lib/auth/throttle";
import { actorForSession, endSessions, MAKS_PANJANG_SANDI, verifyLogin } from "@/lib/data/users";
import { LOGIN_GAGAL } from "@/lib/i18n/login";

// Login and its throttle (lib/auth/throttle.ts) on the demo accounts (password pantau-demo). Each test uses
// addresses of its own, so the counters of one test do not reach another.
const REFUSED = { ok: false, message: LOGIN_GAGAL };
// Two days ahead: the counters of attempts made at the real time (first tests) are forgotten by then.
const T0 = new Date(Date.now() + 2 * 86_400_000);
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

async function counter(kunci: string): Promise<number> {
  return (await client.query(`SELECT jumlah FROM login_gagal WHERE kunci = $1`, [kunci])).rows[0]?.jumlah ?? 0;
}

describe("login", () => {
  it("accepts a demo account with the right password, case-insensitive email", async () => {
    const r = await verifyLogin(" PKM.Anyar@pantau.id ", "pantau-demo", "10.1.0.1");
    expect(r).toMatchObject({ ok: true, actor: { role: "PUSKESMAS", puskesmasKode: "P36043001" } });
  });

  it("a password longer than bcrypt could read is refused at once, without hashing it and without counting a failure", async () => {
    const before = (await client.query(`SELECT count(*)::int n FROM login_gagal`)).rows[0].n;
    const t0 = performance.now();
    expect(await verifyLogin("pkm.anyar@pantau.id", "x".repeat(MAKS_PANJANG_SANDI + 1), "10.9.0.1")).toEqual(REFUSED);
    expect(await verifyLogin("pkm.anyar@pantau.id", "x".repeat(11_000_000), "10.9.0.1")).toEqual(REFUSED);
    expect(performance.now() - t0).toBeLessThan(50); // a bcrypt check alone takes longer
    expect((await client.query(`SELECT count(*)::int n FROM login_gagal`)).rows[0].n).toBe(before);
  });

  it("wrong password, unknown email and inactive account get the same answer; an inactive account even with its password", async () => {
    await client.query(`UPDATE app_user SET aktif = false WHERE email = 'pkm.anyar@pantau.id'`);
    try {
      const answers = [
        await verifyLogin("dinkes.banten@pantau.id", "salah", "10.2.0.1"),
        await verifyLogin("tidak.ada@pantau.id", "salah", "10.2.0.2"),
        await verifyLogin("pkm.anyar@pantau.id", "pantau-demo", "10.2.0.3"),
        await verifyLogin("pkm.anyar@pantau.id", "salah", "10.2.0.4"),
      ];
      for (const a of answers) expect(a).toEqual(REFUSED);
    } finally {
      await client.query(`UPDATE app_user SET aktif = true WHERE email = 'pkm.anyar@pantau.id'`);
    }
  });

  it(`after ${ACCOUNT_FREE_FAILURES} failures the account waits 2 s, then 4 s, for the failing address, even with the right password`, async () => {
    const email = "dinkes.lebong@pantau.id";
    const attacker = "10.3.0.1";
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) expect(await verifyLogin(email, "salah", attacker, at(i * 0.1))).toEqual(REFUSED);
    expect(await counter(accountKey(email))).toBe(ACCOUNT_FREE_FAILURES);
    // Within 2 s of the 5th failure: refused without a check, the right password included; the counter stays.
    expect(await verifyLogin(email, "pantau-demo", attacker, at(1))).toEqual(REFUSED);
    expect(await counter(accountKey(email))).toBe(ACCOUNT_FREE_FAILURES);
    // After 2 s one more check (wrong): now 4 s.
    expect(await verifyLogin(email, "salah", attacker, at(3))).toEqual(REFUSED);
    expect(await verifyLogin(email, "pantau-demo", attacker, at(6))).toEqual(REFUSED);
    const ok = await verifyLogin(email, "pantau-demo", attacker, at(7.5));
    expect(ok.ok).toBe(true);
    expect(await counter(accountKey(email))).toBe(0); // a good login clears the account's counter
  });

  it(`while an account waits, an address with fewer than ${BYPASS_ADDRESS_FAILURES} failures still gets checked: the owner gets in, even behind an office address that saw a typo`, async () => {
    const email = "dinkes.serang@pantau.id";
    // 8 failures from 10.4.0.1 (3), 10.4.0.2 (3) and 10.4.0.3 (2): the account waits.
    for (let i = 0; i < ACCOUNT_FREE_FAILURES + 3; i++) await verifyLogin(email, "salah", `10.4.0.${Math.floor(i / 3) + 1}`, at(0));
    expect(await verifyLogin(email, "pantau-demo", "10.4.0.1", at(1))).toEqual(REFUSED); // an attacker's address
    expect((await verifyLogin(email, "pantau-demo", "10.4.1.1", at(1))).ok).toBe(true); // the owner's
    expect(await counter(addressKey("10.4.1.1"))).toBe(0);
    for (let i = 0; i < ACCOUNT_FREE_FAILURES + 3; i++) await verifyLogin(email, "salah", `10.4.2.${i + 1}`, at(2));
    expect((await verifyLogin(email, "pantau-demo", "10.4.0.3", at(3))).ok).toBe(true); // two typos there before
    expect(await counter(addressKey("10.4.0.3"))).toBe(2);
  });

  it(`guesses sent in parallel from one address: at most the free failures plus ${BYPASS_ADDRESS_FAILURES} are checked`, async () => {
    const email = "dinkes.banten@pantau.id";
    const before = Number((await client.query(`SELECT count(*) FROM audit_log WHERE aksi = 'login_gagal' AND kunci = $1`, [accountKey(email)])).rows[0].count);
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) => verifyLogin(email, `tebakan-${i}`, "10.5.0.1", at(0))));
    for (const r of results) expect(r).toEqual(REFUSED);
    const checked = Number((await client.query(`SELECT count(*) FROM audit_log WHERE aksi = 'login_gagal' AND kunci = $1`, [accountKey(email)])).rows[0].count) - before;
    expect(checked).toBeGreaterThanOrEqual(ACCOUNT_FREE_FAILURES);
    expect(checked).toBeLessThanOrEqual(ACCOUNT_FREE_FAILURES + BYPASS_ADDRESS_FAILURES);
  });

  it(`an address with ${ADDRESS_FREE_FAILURES} failures waits, on every account; other addresses do not`, async () => {
    const spray = "10.6.0.1";
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i++) await verifyLogin(`tidak.ada.${i}@pantau.id`, "salah", spray, at(0));
    expect(await counter(addressKey(spray))).toBe(ADDRESS_FREE_FAILURES);
    expect(await verifyLogin("admin@pantau.id", "pantau-demo", spray, at(1))).toEqual(REFUSED);
    expect((await verifyLogin("admin@pantau.id", "pantau-demo", "10.6.0.2", at(1))).ok).toBe(true);
    expect((await verifyLogin("admin@pantau.id", "pantau-demo", spray, at(3))).ok).toBe(true); // 2 s later
  });

  it("an unknown email is throttled like an account, so a refusal does not reveal whether it exists", async () => {
    const email = "belum.terdaftar@pantau.id";
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) await verifyLogin(email, "salah", "10.7.0.1", at(0));
    expect(await counter(accountKey(email))).toBe(ACCOUNT_FREE_FAILURES);
  });

  it("invalidates earlier sessions at logout", async () => {
    const r = await verifyLogin("admin@pantau.id", "pantau-demo", "10.8.0.1");
    if (!r.ok) throw new Error("login failed");
    expect(await actorForSession(r.actor.id, r.sesiVersi)).not.toBeNull();
    await endSessions(r.actor);
    expect(await actorForSession(r.actor.id, r.sesiVersi)).toBeNull();
  });
});
