import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountKey, ACCOUNT_FREE_FAILURES, BYPASS_ADDRESS_FAILURES } from "@/lib/auth/throttle";
import { LOGIN_GAGAL } from "@/lib/i18n/login";
import { stableUuid } from "@/lib/db/random";
import { todayWib } from "@/lib/clock";
import type { Browser } from "@playwright/test";
import { launchBrowser } from "../support/browser";
import { createUsers, PASSWORD, type TestUser } from "../support/fixtures";
import { actionId, callAction, login, Session } from "../support/http";
import { formValues, INITIAL_FORM, openForm, submitForm } from "../support/laporan";
import { INTERNALS } from "../support/save-loop";
import { port, sharedStack, withClient, writeFigures } from "../support/shared";
import { startApp, TEST_SECRET } from "../support/stack";

// Sessions and headers over HTTP against the production build: security headers on every kind of
// response, cookie attributes (Secure behind HTTPS), expiry, logout, login throttling, error pages without
// internals, and the CSP not breaking the pages (checked in a browser, charts included).

const stack = sharedStack();
const PKM: TestUser = { email: "uji.sesi.pkm@pantau.test", role: "PUSKESMAS", provinsiKode: "35", kabupatenKode: "35.01", puskesmasKode: "P35010101" };
const KUNCI: TestUser = { email: "uji.sesi.kunci@pantau.test", role: "DINKES_KABUPATEN", provinsiKode: "35", kabupatenKode: "35.01", puskesmasKode: null };
const PARALEL: TestUser = { email: "uji.sesi.paralel@pantau.test", role: "DINKES_KABUPATEN", provinsiKode: "35", kabupatenKode: "35.02", puskesmasKode: null };
const KELUAR: TestUser = { email: "uji.sesi.keluar@pantau.test", role: "DINKES_PROVINSI", provinsiKode: "35", kabupatenKode: null, puskesmasKode: null };

/** A form post to the report action with nothing filled in (answered with a validation message). */
function actionBody(): FormData {
  const body = new FormData();
  body.append("_1_aksi", "draf");
  body.append("0", JSON.stringify([INITIAL_FORM, "$K1"]));
  return body;
}

const EXPECTED_HEADERS: Record<string, RegExp> = {
  "x-content-type-options": /^nosniff$/,
  "x-frame-options": /^DENY$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /camera=\(\)/,
  "content-security-policy": /default-src 'self'.*frame-ancestors 'none'/,
  "cross-origin-opener-policy": /^same-origin$/,
  "strict-transport-security": /^max-age=31536000$/,
};

describe("sessions and headers", () => {
  let browser: Browser;
  let pkm: Session;

  beforeAll(async () => {
    await createUsers(stack.databaseUrl, [PKM, KUNCI, KELUAR, PARALEL]);
    const l = await login(stack.url, PKM.email, PASSWORD);
    expect(l.ok).toBe(true);
    pkm = l.session;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("every kind of response carries the security headers and no X-Powered-By", async () => {
    const login = await (await fetch(`${stack.url}/login`)).text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(login)![0];
    const anon = new Session(stack.url);
    const responses = {
      "login page": await anon.fetch("/login"),
      "redirect to login": await anon.fetch("/wilayah/33"),
      "page with session": await pkm.fetch("/laporan"),
      "not found page": await pkm.fetch("/tidak-ada-halaman-ini"),
      "JSON API 401": await anon.fetch("/api/v1/spm?wilayah=33&tahun=2026&bulan=1"),
      "JSON API 400": await pkm.fetch("/api/v1/spm?wilayah=33&tahun=abc&bulan=1"),
      "next-auth csrf": await anon.fetch("/api/auth/csrf"),
      "static asset": await anon.fetch(asset),
      "server action": await pkm.fetch("/laporan", { method: "POST", headers: { "Next-Action": actionId("lib/actions/simpan-laporan.ts", "simpanLaporanAction"), Origin: stack.url }, body: actionBody() }),
    };
    const missing: string[] = [];
    for (const [name, r] of Object.entries(responses)) {
      await r.arrayBuffer();
      for (const [h, re] of Object.entries(EXPECTED_HEADERS)) if (!re.test(r.headers.get(h) ?? "")) missing.push(`${name} (${r.status}): ${h} = ${r.headers.get(h)}`);
      if (r.headers.get("x-powered-by")) missing.push(`${name}: x-powered-by`);
    }
    expect(missing).toEqual([]);
    writeFigures("headers", { responsesChecked: Object.keys(responses).length, headers: Object.keys(EXPECTED_HEADERS) });
  });

  it("the session cookie is HttpOnly, SameSite=Lax, expires after 8 hours; the CSRF cookie is HttpOnly", async () => {
    const l = await login(stack.url, KELUAR.email, PASSWORD);
    const [cookie] = l.setCookie;
    expect(cookie).toMatch(/^next-auth\.session-token=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    const expires = new Date(/Expires=([^;]+)/i.exec(cookie)![1]).getTime();
    expect(Math.abs(expires - (Date.now() + 8 * 3600_000))).toBeLessThan(5 * 60_000);
    // The token inside expires with it (next-auth signs with jwt.maxAge, 30 days unless set).
    const token = await decode({ token: /^next-auth\.session-token=([^;]+)/.exec(cookie)![1], secret: TEST_SECRET });
    expect(Number(token!.exp) - Number(token!.iat)).toBe(8 * 3600);
    const csrf = (await fetch(`${stack.url}/api/auth/csrf`)).headers.getSetCookie().find((c) => c.includes("csrf-token"))!;
    expect(csrf).toMatch(/; HttpOnly/i);
    expect(csrf).toMatch(/; SameSite=Lax/i);
  });

  it.each([
    ["NEXTAUTH_URL https://", { NEXTAUTH_URL: "https://pantau.example.id" }],
    ["a TLS proxy: NEXTAUTH_URL http:// and PANTAU_SECURE_COOKIES=1", { PANTAU_SECURE_COOKIES: "1" }],
  ])("behind HTTPS (%s) the cookies are Secure with the __Secure-/__Host- prefixes", async (_, env) => {
    const app = await startApp({ port: port(2), databaseUrl: stack.databaseUrl, dataDir: stack.dataDir, env });
    try {
      const l = await login(app.url, KELUAR.email, PASSWORD);
      expect(l.setCookie[0]).toMatch(/^__Secure-next-auth\.session-token=.*; Secure/i);
      expect(l.setCookie[0]).toMatch(/; HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/i);
      const csrf = (await fetch(`${app.url}/api/auth/csrf`)).headers.getSetCookie().find((c) => c.includes("csrf-token"))!;
      expect(csrf).toMatch(/^__Host-next-auth\.csrf-token=.*; Secure/i);
      // Logout expires the cookie with Secure too: a browser ignores a __Secure- cookie's deletion without it.
      const out = await callAction(l.session, "/wilayah/35", actionId("lib/actions/keluar.ts", "keluar"), null, {});
      const gone = out.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="))!;
      expect(gone).toMatch(/^__Secure-next-auth\.session-token=;/);
      expect(gone).toMatch(/; Secure/i);
      expect(gone).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    } finally {
      await app.stop();
    }
  });

  it("an expired session token is refused by the server, not only by the browser", async () => {
    // The account's current session version (a logout earlier in this file raises it): only the expiry differs.
    const { rows } = await withClient(stack.databaseUrl, (c) => c.query<{ sv: number }>(`SELECT sesi_versi sv FROM app_user WHERE email = $1`, [KELUAR.email]));
    const make = (maxAge: number) => encode({ token: { uid: stableUuid(KELUAR.email), sv: rows[0].sv, email: KELUAR.email }, secret: TEST_SECRET, maxAge });
    for (const [token, expected] of [[await make(3600), 200], [await make(-60), 307]] as const) {
      const s = new Session(stack.url);
      s.cookies.set("next-auth.session-token", token);
      const r = await s.fetch("/wilayah/35");
      await r.arrayBuffer();
      expect(r.status).toBe(expected);
      if (expected === 307) expect(r.headers.get("location")).toMatch(/\/login/);
    }
  });

  it("logout ends the session on the server: the old cookie no longer opens a page or the API", async () => {
    const l = await login(stack.url, KELUAR.email, PASSWORD);
    const stolen = new Session(stack.url);
    for (const [k, v] of l.session.cookies) stolen.cookies.set(k, v);
    expect((await stolen.fetch("/wilayah/35")).status).toBe(200);
    const out = await callAction(l.session, "/wilayah/35", actionId("lib/actions/keluar.ts", "keluar"), null, {});
    expect(out.headers.get("x-action-redirect")).toMatch(/^\/login/); // a redirect, as a fetch action gets it
    const page = await stolen.fetch("/wilayah/35");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login/);
    expect((await stolen.fetch("/api/v1/spm?wilayah=35&tahun=2026&bulan=1")).status).toBe(401);
  });

  it(`after ${ACCOUNT_FREE_FAILURES} wrong passwords the failing address waits, even with the right password; another address gets in`, async () => {
    const attacker = { "x-forwarded-for": "198.51.100.7" };
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) expect((await login(stack.url, KUNCI.email, "salah-sandi", attacker)).ok).toBe(false);
    const r = await login(stack.url, KUNCI.email, PASSWORD, attacker);
    expect(r.ok).toBe(false);
    expect(decodeURIComponent(r.location ?? "")).toContain(LOGIN_GAGAL); // the same answer as a wrong password
    const { rows } = await withClient(stack.databaseUrl, (c) => c.query(`SELECT jumlah FROM login_gagal WHERE kunci = $1`, [accountKey(KUNCI.email)]));
    expect(rows[0].jumlah).toBe(ACCOUNT_FREE_FAILURES);
    expect((await login(stack.url, KUNCI.email, PASSWORD, { "x-forwarded-for": "203.0.113.9" })).ok).toBe(true);
  });

  it(`guesses sent in parallel from one address: at most the free failures plus ${BYPASS_ADDRESS_FAILURES} are checked`, async () => {
    const GUESSES = 15;
    const from = { "x-forwarded-for": "198.51.100.8" };
    const audited = async () =>
      Number((await withClient(stack.databaseUrl, (c) => c.query(`SELECT count(*) FROM audit_log WHERE aksi = 'login_gagal' AND kunci = $1`, [accountKey(PARALEL.email)]))).rows[0].count);
    const results = await Promise.all(Array.from({ length: GUESSES }, (_, i) => login(stack.url, PARALEL.email, `tebakan-${i}`, from)));
    expect(results.map((r) => r.ok)).toEqual(Array(GUESSES).fill(false));
    for (const r of results) expect(decodeURIComponent(r.location ?? "")).toContain(LOGIN_GAGAL);
    const checked = await audited();
    expect(checked).toBeGreaterThanOrEqual(ACCOUNT_FREE_FAILURES);
    expect(checked).toBeLessThanOrEqual(ACCOUNT_FREE_FAILURES + BYPASS_ADDRESS_FAILURES);
    expect((await login(stack.url, PARALEL.email, PASSWORD, from)).ok).toBe(false);
    writeFigures("parallel-guesses", { sent: GUESSES, checked, refusedWithoutCheck: GUESSES - checked });
  });

  it("error answers reveal no internals: unknown page, unknown action, broken action body, bad API parameter", async () => {
    const answers = [
      await pkm.fetch("/wilayah/99.99.99"),
      await pkm.fetch("/laporan/00.00.00.0000"),
      await pkm.fetch("/laporan", { method: "POST", headers: { "Next-Action": "ff".repeat(21), Origin: stack.url }, body: "x" }),
      await pkm.fetch("/laporan", { method: "POST", headers: { "Next-Action": actionId("lib/actions/simpan-laporan.ts", "simpanLaporanAction"), Origin: stack.url, "content-type": "text/plain" }, body: "[{" }),
      await pkm.fetch("/api/v1/spm?wilayah=33'--&tahun=2026&bulan=13"),
    ];
    const statuses: number[] = [];
    for (const r of answers) {
      const body = await r.text();
      statuses.push(r.status);
      expect(body).not.toMatch(INTERNALS);
      expect(body).not.toMatch(/\bat .*\.js:\d+/);
    }
    // Unknown page, unknown desa: 404. An unknown action id: Next.js answers 409 (no such action in this
    // build, as after a deploy). An unreadable action body on a known action: 200 with the page's RSC
    // answer and no result (the form state stays as it was). An invalid API parameter: 400.
    expect(statuses).toEqual([404, 404, 409, 200, 400]);
    expect(await (await pkm.fetch("/wilayah/99.99.99")).text()).toContain("Halaman tidak ditemukan");
  });

  it("pages work under the CSP in a browser: no violation, the login form and the charts render", async () => {
    const { tahun, bulan } = todayWib();
    const desa = (await withClient(stack.databaseUrl, (c) => c.query(`SELECT kode FROM desa WHERE puskesmas_kode = $1 ORDER BY kode LIMIT 1`, [PKM.puskesmasKode]))).rows[0].kode;
    const f = await openForm(pkm, desa, tahun, bulan);
    if (f.versi === 0) expect((await submitForm(pkm, { desa, tahun, bulan, versi: 0, values: formValues(3) })).state?.status).toBe("ok");
    const context = await browser.newContext();
    const violations: string[] = [];
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on("pageerror", (e) => violations.push(e.message));
    await page.goto(`${stack.url}/login`);
    await page.getByLabel("Email").fill(PKM.email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 30_000 });
    await page.goto(`${stack.url}/puskesmas/${PKM.puskesmasKode}?tahun=${tahun}&bulan=${bulan}`);
    await page.getByTestId("grafik-pws").first().waitFor({ state: "attached", timeout: 30_000 });
    // Server-drawn SVG: the twelve month labels and the target line are there with or without capaian points.
    expect(await page.locator('[data-testid="grafik-pws"]').first().locator("path").count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="grafik-pws"]').first().locator("text").allTextContents()).toEqual(expect.arrayContaining(["Jan", "Jun", "Des"]));
    await context.close();
    expect(violations).toEqual([]);
  });
});
