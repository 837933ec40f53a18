import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_UNAVAILABLE_DIGEST } from "@/lib/db/errors";
import { initDatabase } from "@/lib/db/init";
import { INDIKATOR } from "@/lib/spm/catalog";
import { todayWib } from "@/lib/clock";
import { createLoadUsers, PASSWORD, type LoadPuskesmas } from "../support/fixtures";
import type { Browser } from "@playwright/test";
import { launchBrowser, visibleText } from "../support/browser";
import { login } from "../support/http";
import { formValues, submitForm } from "../support/laporan";
import { INTERNALS, SaveLoad, type Attempt, type LoadUser } from "../support/save-loop";
import { postmasterPid, startApp, startDatabase, type AppServer, type TestDatabase } from "../support/stack";
import { port, withClient, writeFigures } from "../support/shared";

// Faults under load, on a stack of this file's own (it breaks it on purpose): PostgreSQL stopped cleanly,
// PostgreSQL killed (every process, as a crash or the OOM killer would), and the Next.js server killed, each
// while users keep saving. What must hold: answers during the outage are a clear Indonesian error within
// 10 s and reveal nothing; the server recovers without a restart; no report is half written; every
// acknowledged save is there afterwards.

const USERS = Number(process.env.RELIABILITY_FAULT_USERS ?? 30);
const OUTAGE_MS = 6_000;
const APP_PORT = port(10);
const { tahun, bulan } = todayWib();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every postgres process of a data folder: the postmaster and its children (ppid = postmaster). */
function postgresPids(dir: string): number[] {
  const root = postmasterPid(dir);
  if (!root) return [];
  const children = fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return Number(fs.readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ")[1]) === root;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [root, ...children];
}

describe("faults under load", () => {
  let tmp: string;
  let db: TestDatabase;
  let app: AppServer;
  let puskesmas: LoadPuskesmas[];
  let browser: Browser;
  const figures: Record<string, unknown> = {};
  const logs: string[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pantau-faults-"));
    fs.chmodSync(tmp, 0o755);
    db = await startDatabase(path.join(tmp, "data"));
    await initDatabase(db.url);
    ({ puskesmas } = await createLoadUsers(db.url, USERS * 3));
    app = await startApp({ port: APP_PORT, databaseUrl: db.url, dataDir: db.dir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    writeFigures("faults", figures);
    await browser?.close();
    await app?.stop();
    await db?.stop();
    if (app) fs.writeFileSync(path.join("test-results", "reliability", "faults-server.log"), [...logs, app.output()].join("\n--- restart ---\n"));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function users(group: number): Promise<LoadUser[]> {
    const list = puskesmas.slice(group * USERS, (group + 1) * USERS);
    return Promise.all(
      list.map(async (p) => {
        const l = await login(app.url, p.email, PASSWORD);
        if (!l.ok) throw new Error(`login ${p.email}: ${l.location}`);
        return { email: p.email, session: l.session, desa: p.desa };
      }),
    );
  }

  /** Reports of these desa: complete (every indicator, equal to what was sent), audited once, never half. */
  async function checkStored(load: SaveLoad) {
    const desa = [...load.sent.keys()];
    const { rows } = await withClient(db.url, (c) =>
      c.query<{ desa_kode: string; versi: number; status: string; nilai: Record<string, number> | null; audit_nilai: number; audit_status: number }>(
        `SELECT l.desa_kode, l.versi, l.status::text,
           (SELECT jsonb_object_agg(indikator_kode, nilai) FROM nilai n WHERE n.laporan_id = l.id) AS nilai,
           (SELECT count(*)::int FROM audit_log a WHERE a.entitas = 'nilai' AND a.kunci LIKE l.desa_kode || '/' || l.tahun || '/' || l.bulan || '/%') AS audit_nilai,
           (SELECT count(*)::int FROM audit_log a WHERE a.entitas = 'laporan' AND a.kunci = l.desa_kode || '/' || l.tahun || '/' || l.bulan) AS audit_status
         FROM laporan l WHERE l.desa_kode = ANY($1) AND l.tahun = $2 AND l.bulan = $3`,
        [desa, tahun, bulan],
      ),
    );
    const stored = new Map(rows.map((r) => [r.desa_kode, r]));
    const lost = [...load.acknowledged.keys()].filter((d) => !stored.has(d));
    expect(lost, "acknowledged saves missing").toEqual([]);
    for (const r of rows) {
      expect(r, r.desa_kode).toMatchObject({ versi: 1, status: "DIKIRIM", nilai: load.sent.get(r.desa_kode), audit_nilai: INDIKATOR.length, audit_status: 1 });
    }
    return { stored: rows.length, acknowledged: load.acknowledged.size, lost: lost.length };
  }

  function summary(attempts: readonly Attempt[]) {
    const count: Record<string, number> = {};
    for (const a of attempts) count[`${a.kind}:${a.outcome}`] = (count[`${a.kind}:${a.outcome}`] ?? 0) + 1;
    return count;
  }

  for (const mode of ["stop", "kill"] as const) {
    it(`PostgreSQL ${mode === "stop" ? "stopped" : "killed (every process)"} during saves: clear errors within 10 s, recovery without restart, nothing half written`, async () => {
      const group = await users(mode === "stop" ? 0 : 1);
      const load = new SaveLoad(group, tahun, bulan);
      const pid = app.child.pid;
      load.start();
      await sleep(3_000);
      const down = load.now();
      if (mode === "stop") await db.stop();
      else for (const p of postgresPids(db.dir)) process.kill(p, "SIGKILL");
      // While it is down: pages, the JSON API and the login answer, quickly, without internals.
      const probe = group[0].session;
      await sleep(500);
      const t = performance.now();
      const [page, api, form] = await Promise.all([
        probe.fetch(`/wilayah/${"33"}`),
        probe.fetch(`/api/v1/spm?wilayah=33&tahun=${tahun}&bulan=${bulan}`),
        probe.fetch(`/laporan/${group[0].desa.at(-1)}?tahun=${tahun}&bulan=${bulan}`),
      ]);
      const probeMs = performance.now() - t;
      const pageHtml = await page.text();
      const apiBody = await api.text();
      const formHtml = await form.text();
      const typed = formValues(7);
      const save = await submitForm(probe, { desa: group[0].desa.at(-1)!, tahun, bulan, versi: 0, values: typed });
      const loginDown = await login(app.url, puskesmas[0].email, PASSWORD);
      const shown = await visibleText(browser, probe, `/wilayah/33`, "Basis data tidak tersedia");
      await sleep(OUTAGE_MS - (load.now() - down));
      const up = load.now();
      db = await startDatabase(db.dir, db.port);
      await sleep(4_000);
      await load.stop();

      expect(app.child.pid).toBe(pid);
      expect(app.child.exitCode).toBeNull();
      expect(probeMs).toBeLessThan(10_000);
      expect(api.status).toBe(503);
      expect(JSON.parse(apiBody)).toEqual({ error: { code: "DB_UNAVAILABLE", message: "Basis data sedang tidak tersedia. Coba lagi sebentar lagi." } });
      // Pages: Next.js answers 500 with the error digest; the browser shows app/error.tsx's message.
      for (const [r, html] of [[page, pageHtml], [form, formHtml]] as const) {
        expect(r.status).toBe(500);
        expect(html).toContain(DB_UNAVAILABLE_DIGEST);
        expect(html).not.toMatch(INTERNALS);
      }
      expect(shown.text).toContain("Basis data tidak tersedia");
      expect(shown.text).toContain("Coba lagi");
      expect(shown.text).not.toMatch(INTERNALS);
      expect(shown.ms).toBeLessThan(10_000);
      expect(loginDown.ok).toBe(false);
      expect(decodeURIComponent(loginDown.location ?? "")).toContain("Basis data sedang tidak tersedia");

      const during = load.attempts.filter((a) => a.start >= down && a.start < up);
      const after = load.attempts.filter((a) => a.start >= up);
      // No request hangs: every one started in the outage ended within 10 s; none shows internals.
      expect(Math.max(...during.map((a) => a.end - a.start))).toBeLessThan(10_000);
      for (const a of load.attempts) expect(a.body).not.toMatch(INTERNALS);
      // A save during the outage is refused with the Indonesian message (answer 200 with the form's state,
      // keeping what was typed), never a 5xx from the action.
      expect(save.status).toBe(200);
      expect(save.state).toMatchObject({ status: "error", message: "Basis data sedang tidak tersedia. Coba lagi sebentar lagi." });
      expect(save.state!.values).toEqual(Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, String(v)])));
      expect(load.attempts.filter((a) => a.kind === "save" && a.outcome === "5xx")).toEqual([]);
      expect(load.attempts.filter((a) => a.outcome === "error")).toEqual([]);
      // Recovery by itself: saves succeed again after the restart.
      const firstOk = after.find((a) => a.kind === "save" && a.outcome === "ok");
      expect(firstOk).toBeDefined();
      const stored = await checkStored(load);
      figures[mode] = {
        users: USERS,
        requests: load.attempts.length,
        outageMs: Math.round(up - down),
        duringOutage: summary(during),
        all: summary(load.attempts),
        maxMsDuringOutage: Math.round(Math.max(...during.map((a) => a.end - a.start))),
        recoveryMs: Math.round(firstOk!.end - up),
        ...stored,
      };
    });
  }

  it("Next.js server killed during saves: after a restart every acknowledged save is there, none half written", async () => {
    const load = new SaveLoad(await users(2), tahun, bulan);
    load.start();
    const kills: number[] = [];
    for (let k = 0; k < 3; k++) {
      await sleep(2_500);
      kills.push(Math.round(load.now()));
      await app.stop("SIGKILL");
      logs.push(app.output());
      await sleep(1_000);
      app = await startApp({ port: APP_PORT, databaseUrl: db.url, dataDir: db.dir });
    }
    await sleep(3_000);
    await load.stop();
    const stored = await checkStored(load);
    expect(load.attempts.filter((a) => a.outcome === "network").length).toBeGreaterThan(0);
    expect(load.attempts.filter((a) => a.outcome === "error" || a.outcome === "5xx")).toEqual([]);
    expect(stored.acknowledged).toBeGreaterThan(0);
    figures.serverKill = { users: USERS, kills: kills.length, requests: load.attempts.length, all: summary(load.attempts), ...stored };
  });
});
