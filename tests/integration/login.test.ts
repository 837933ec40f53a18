import { describe, expect, it } from "vitest";
import { MAX_FAILED_LOGINS } from "@/lib/auth/lockout";
import { actorForSession, endSessions, verifyLogin } from "@/lib/data/users";

describe("login", () => {
  it("accepts a demo account with the right password, case-insensitive email", async () => {
    const r = await verifyLogin(" PKM.Anyar@pantau.id ", "pantau-demo");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.actor).toMatchObject({ role: "PUSKESMAS", puskesmasKode: "P36043001" });
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const a = await verifyLogin("dinkes.banten@pantau.id", "salah");
    const b = await verifyLogin("tidak.ada@pantau.id", "salah");
    expect(a).toEqual({ ok: false, message: "Email atau kata sandi salah." });
    expect(b).toEqual(a);
  });

  it("locks the account after repeated failures, even for the right password, and unlocks later", async () => {
    const now = new Date("2026-07-15T10:00:00Z");
    let last;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) last = await verifyLogin("dinkes.lebong@pantau.id", "salah", now);
    expect(last).toMatchObject({ ok: false, message: expect.stringContaining("Akun terkunci sementara") });
    const locked = await verifyLogin("dinkes.lebong@pantau.id", "pantau-demo", new Date(now.getTime() + 60_000));
    expect(locked).toMatchObject({ ok: false, message: expect.stringContaining("14 menit") });
    const later = await verifyLogin("dinkes.lebong@pantau.id", "pantau-demo", new Date(now.getTime() + 16 * 60_000));
    expect(later.ok).toBe(true);
  });

  it("invalidates earlier sessions at logout", async () => {
    const r = await verifyLogin("admin@pantau.id", "pantau-demo");
    if (!r.ok) throw new Error("login failed");
    expect(await actorForSession(r.actor.id, r.sesiVersi)).not.toBeNull();
    await endSessions(r.actor);
    expect(await actorForSession(r.actor.id, r.sesiVersi)).toBeNull();
  });
});
