// Forged requests (issue 9 §1, "changing another puskesmas' report by forging a form post or an ID in the
// URL must fail"): each is sent the way a browser or a script would, and must be refused with nothing written.
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { MSG } from "@/lib/i18n/messages";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import { Session, actionId, counters, type Answer } from "./client";
import { changedTables, closeDb, db, fingerprint } from "./db";
import { ANYAR, BAROS, LEBONG, PASSWORD, PERIODE, USERS, bulanIni, type UserKey } from "./fixtures";
import { appendFigures, readRecords, writeFigures } from "./figures";
import type { ActionCall, Call } from "./matrix";

const BASE = process.env.RELIABILITY_BASE_URL!;
const sessions = new Map<UserKey, Session>();
/** Appended to a file as the tests run: a failed test restarts the worker, and memory with it. */
const tried = { push: (t: { name: string; requests: number; refused: boolean }) => appendFigures("forge-tried", t) };

async function as(user: UserKey): Promise<Session> {
  let s = sessions.get(user);
  if (!s) {
    s = new Session(BASE);
    await s.login(USERS[user], PASSWORD);
    expect(s.loggedIn).toBe(true);
    sessions.set(user, s);
  }
  return s;
}

const STATE_LAPORAN = { status: "idle", message: null, errors: {}, warnings: {}, values: {}, versi: null, statusLaporan: null };

function simpan(desaKode: string, page: string, over: Record<string, string> = {}): Call {
  const p = bulanIni();
  const fields = Object.entries({ desaKode, tahun: String(p.tahun), bulan: String(p.bulan), versi: "0", aksi: "kirim", konfirmasi: "ya", "nilai.PM-DBD": "7", ...over }) as [string, string][];
  const action: ActionCall = { name: "simpanLaporanAction", page, before: [STATE_LAPORAN], fields };
  return { method: "POST", path: page, action };
}

function status(laporanId: string, versi: number, aksi: string): Call {
  const fields: [string, string][] = [["laporanId", laporanId], ["versi", String(versi)], ["aksi", aksi], ["alasan", "Percobaan pemalsuan."]];
  return { method: "POST", path: "/verifikasi", action: { name: "ubahStatusLaporanAction", page: "/verifikasi", before: [{ ok: false, message: null }], fields } };
}

async function laporan(where: string, params: unknown[]): Promise<{ id: string; versi: number; desa_kode: string; tahun: number; bulan: number }> {
  const { rows } = await (await db()).query(`SELECT id, versi, desa_kode, tahun, bulan FROM laporan WHERE ${where} ORDER BY tahun, bulan, desa_kode LIMIT 1`, params);
  if (!rows[0]) throw new Error(`no report where ${where}`);
  return rows[0];
}

/** Sends the requests (both action transports where it is an action); all must be refused, nothing written. */
async function refused(name: string, send: () => Promise<Answer[]>, isRefusal: (a: Answer) => boolean, frameworkError = false) {
  const before = await fingerprint();
  const answers = await send();
  const changed = changedTables(before, await fingerprint());
  tried.push({ name, requests: answers.length, refused: changed.length === 0 && answers.every(isRefusal) });
  expect(changed, `${name}: data changed`).toEqual([]);
  for (const a of answers) {
    if (!frameworkError) expect(a.status, `${name}: ${a.text.slice(0, 200)}`).toBeLessThan(500);
    expect(a.text, `${name}: internals`).not.toMatch(/node_modules|\.js:\d+|at [\w.]+ \(/);
    expect(isRefusal(a), `${name}: not refused (${a.status}) ${a.text.slice(0, 300)}`).toBe(true);
  }
}

/** Refused: the Indonesian refusal, or the page (404/403), or the framework: an action posted to a page that
 *  does not use it is not run ("Server Action unavailable", 409). */
const says = (...texts: string[]) => (a: Answer) => texts.some((t) => a.text.includes(t)) || [403, 404, 409].includes(a.status);

let requestsBefore = 0;
test.beforeAll(() => {
  requestsBefore = counters.requests;
});

test.afterEach(() => {
  appendFigures("forge-requests", { requests: counters.requests - requestsBefore });
  requestsBefore = counters.requests;
});

test.afterAll(async () => {
  const all = readRecords<{ name: string; requests: number; refused: boolean }>("forge-tried");
  const requests = readRecords<{ requests: number }>("forge-requests").reduce((n, r) => n + r.requests, 0);
  writeFigures("forge", { attempts: all.length, requests, refused: all.filter((t) => t.refused).length, tried: all });
  await closeDb();
});

test("PUSKESMAS: another puskesmas's desa in the form, posted to its own form's URL, to the other's and to an unrelated page", async () => {
  const s = await as("anyar");
  await refused(
    "desa lain di formulir sendiri",
    async () => {
      const out: Answer[] = [];
      for (const page of [`/laporan/${ANYAR.desa.kode}`, `/laporan/${BAROS.desa.kode}`, "/ekspor", "/"]) {
        for (const target of [BAROS.desa.kode, LEBONG.desa.kode]) {
          out.push(await s.send(simpan(target, page), "fetch"));
          out.push(await s.send(simpan(target, page), "form"));
        }
      }
      return out;
    },
    says(MSG.tidakBerhak),
  );
});

test("PUSKESMAS: a verified (locked) report of its own desa cannot be overwritten by forging the version", async () => {
  const s = await as("anyar");
  const l = await laporan(`puskesmas_kode = $1 AND status = 'DIVERIFIKASI'`, [ANYAR.puskesmas.kode]);
  await refused(
    "laporan terkunci",
    async () => {
      const out: Answer[] = [];
      for (const versi of [String(l.versi), "0", String(l.versi + 1), "999999"]) {
        out.push(await s.send(simpan(l.desa_kode, `/laporan/${l.desa_kode}`, { tahun: String(l.tahun), bulan: String(l.bulan), versi }), "fetch"));
      }
      return out;
    },
    says(MSG_LAPORAN.terkunci, MSG_LAPORAN.konflik),
  );
});

test("PUSKESMAS: cannot verify, return or reopen a report (its own or another's) by posting the status form", async () => {
  const s = await as("anyar");
  const own = await laporan(`puskesmas_kode = $1 AND status = 'DIKIRIM'`, [ANYAR.puskesmas.kode]);
  const other = await laporan(`puskesmas_kode = $1 AND status = 'DIKIRIM'`, [BAROS.puskesmas.kode]);
  await refused(
    "verifikasi oleh puskesmas",
    async () => {
      const out: Answer[] = [];
      for (const l of [own, other]) for (const aksi of ["verifikasi", "kembalikan", "buka"]) for (const t of ["fetch", "form"] as const) out.push(await s.send(status(l.id, l.versi, aksi), t));
      return out;
    },
    says(MSG.tidakBerhak),
  );
});

test("DINKES_KABUPATEN: a report of another kabupaten cannot be verified or reopened by its id", async () => {
  const s = await as("serang");
  const dikirim = await laporan(`kabupaten_kode = $1 AND status = 'DIKIRIM'`, [LEBONG.kabupaten.kode]);
  const verified = await laporan(`kabupaten_kode = $1 AND status = 'DIVERIFIKASI'`, [LEBONG.kabupaten.kode]);
  await refused(
    "verifikasi kabupaten lain",
    async () => [
      await s.send(status(dikirim.id, dikirim.versi, "verifikasi")),
      await s.send(status(dikirim.id, dikirim.versi, "kembalikan")),
      await s.send(status(verified.id, verified.versi, "buka"), "form"),
      await s.send(status(crypto.randomUUID(), 1, "verifikasi")),
    ],
    says(MSG.tidakBerhak),
  );
});

test("a server action posted from another site (Origin of another host) is not run", async () => {
  const s = await as("anyar");
  await refused(
    "asal lintas situs",
    async () => {
      const call = simpan(ANYAR.desa.kode, `/laporan/${ANYAR.desa.kode}`);
      const body = new FormData();
      for (const [k, v] of call.action!.fields) body.append(`_1_${k}`, v);
      body.append("0", JSON.stringify([STATE_LAPORAN, "$K1"]));
      return [
        await s.fetch(call.path, { method: "POST", headers: { "Next-Action": actionId("simpanLaporanAction"), Origin: "http://penyerang.example" }, body }),
      ];
    },
    // Next refuses it before the action runs (its own error answer): what matters is that nothing is written.
    (a) => !a.text.includes(MSG_LAPORAN.terkirim),
    true,
  );
});

test("a forged or foreign session cookie and a bad or revoked API token are anonymous", async () => {
  const forged = new Session(BASE);
  forged.cookies.set("next-auth.session-token", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC");
  const page = await forged.fetch(`/laporan/${ANYAR.desa.kode}?tahun=${PERIODE.tahun}&bulan=${PERIODE.bulan}`);
  expect(page.status).toBe(307);
  expect(page.location).toContain("/login");
  const api = await forged.fetch(`/api/v1/spm?wilayah=${ANYAR.puskesmas.kode}&tahun=2025&bulan=6`);
  expect(api.status).toBe(401);

  // A token of the dinkes kabupaten user: its own scope only; the same token revoked: nothing. A token held
  // by a puskesmas user (only possible by writing the table) is refused even in its own scope: API tokens
  // are for dinkes and admin (a puskesmas account sees its drafts).
  const token = `pantau_${crypto.randomBytes(24).toString("base64url")}`;
  const pkmToken = `pantau_${crypto.randomBytes(24).toString("base64url")}`;
  const c = await db();
  const userId = async (email: string) => (await c.query<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [email])).rows[0].id;
  const insert = async (email: string, t: string) =>
    (await c.query<{ id: string }>(
      `INSERT INTO api_token (id, user_id, nama, hash, created_at, expires_at) VALUES (gen_random_uuid(), $1, 'uji keandalan', $2, now(), now() + interval '1 day') RETURNING id`,
      [await userId(email), crypto.createHash("sha256").update(t).digest("hex")],
    )).rows[0].id;
  const id = await insert(USERS.serang, token);
  await insert(USERS.anyar, pkmToken);
  const anon = new Session(BASE);
  const bearer = (t: string, wilayah: string) => anon.fetch(`/api/v1/spm?wilayah=${wilayah}&tahun=2025&bulan=6`, { headers: { authorization: `Bearer ${t}` } });
  expect((await bearer(token, ANYAR.kabupaten.kode)).status).toBe(200);
  expect((await bearer(token, LEBONG.kabupaten.kode)).status).toBe(403);
  expect((await bearer(token, "")).status).toBe(403);
  expect((await bearer(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), ANYAR.kabupaten.kode)).status).toBe(401);
  expect((await bearer(pkmToken, ANYAR.puskesmas.kode)).status).toBe(401);
  // A bad token next to a valid session cookie is not rescued by the cookie.
  const admin = await as("admin");
  expect((await admin.fetch(`/api/v1/spm?wilayah=&tahun=2025&bulan=6`, { headers: { authorization: "Bearer salah" } })).status).toBe(401);
  await c.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1`, [id]);
  expect((await bearer(token, ANYAR.kabupaten.kode)).status).toBe(401);
  tried.push({ name: "sesi dan token palsu", requests: 9, refused: true });
});

test("drafts are shown only to their puskesmas (DOMAIN.md §7): not on a dinkes user's form page, its history, nor in the template", async () => {
  // A draft typed in the form (so its values are in the audit history too), with a value found nowhere else.
  const marker = 987_654_321;
  const desa = "36.04.30.2005";
  const p = bulanIni();
  const anyar = await as("anyar");
  const saved = await anyar.send(simpan(desa, `/laporan/${desa}`, { aksi: "draf", "nilai.PM-DBD": String(marker) }));
  expect(saved.text).toContain(MSG_LAPORAN.tersimpanDraf);
  const q = `tahun=${p.tahun}&bulan=${p.bulan}`;
  expect((await anyar.fetch(`/laporan/${desa}?${q}`)).text).toContain(String(marker));
  expect((await anyar.fetch(`/api/v1/template-nilai?puskesmas=${ANYAR.puskesmas.kode}&${q}`)).text).toContain(String(marker));
  for (const user of ["serang", "banten", "admin"] as const) {
    const s = await as(user);
    const form = await s.fetch(`/laporan/${desa}?${q}`);
    expect(form.status, user).toBe(200);
    expect(form.text.includes(String(marker)), `${user} sees the draft's values on the form page`).toBe(false);
    const csv = await s.fetch(`/api/v1/template-nilai?puskesmas=${ANYAR.puskesmas.kode}&${q}`);
    expect(csv.status, user).toBe(200);
    expect(csv.text.includes(String(marker)), `${user} gets the draft's values in the template`).toBe(false);
  }
  tried.push({ name: "draf hanya untuk puskesmasnya", requests: 10, refused: true });
});
