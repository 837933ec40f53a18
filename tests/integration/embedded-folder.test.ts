import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbedded, watchEmbedded } from "@/lib/db/embedded";
import { isDatabaseUnavailable } from "@/lib/db/errors";

// The embedded data folder holds the generated session secret: it must never be world-writable, also when
// the process runs as root (CI does), where PostgreSQL runs as user `postgres`.
/** A fresh data folder (0755, as PostgreSQL running as `postgres` needs to traverse it). */
function dataFolder(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pantau-${name}-`));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Runs tests/fixtures/perintah-database.ts as a separate process (a CLI command on `dir` that keeps its
 *  database for `ms`): its exit code and output. */
function perintah(dir: string, ms: number): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/perintah-database.ts", dir, String(ms)], { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: "" } });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (err += d));
    p.on("close", (code) => resolve({ code, out, err }));
  });
}

describe("embedded data folder", () => {
  it(`a folder left 0777 is tightened to 0755 and PostgreSQL still starts (running as ${process.getuid?.() === 0 ? "root" : "a user"})`, async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "pantau-folder-"));
    fs.chmodSync(parent, 0o755);
    const dir = path.join(parent, "data");
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    const server = await startEmbedded(dir);
    try {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o755);
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      expect((await c.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await c.end();
    } finally {
      await server.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    }
  }, 120_000);

  it("connects through the server's Unix socket; a second process attaches with the same URL; stopped, it is 'unavailable'", async () => {
    const dir = dataFolder("socket");
    const server = await startEmbedded(dir);
    try {
      expect(server.url).toMatch(/^postgresql:\/\/postgres:pantau@localhost:\d+\/pantau\?host=%2F/);
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      // No server address: a Unix-domain connection.
      expect((await c.query("SELECT inet_server_addr() AS addr")).rows).toEqual([{ addr: null }]);
      await c.end();
      expect((await startEmbedded(dir)).url).toBe(server.url);
      await server.stop();
      const error = await new pg.Client({ connectionString: server.url }).connect().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await server.stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("starts over a stale postmaster.pid whose pid now belongs to another program (a crash, then a reboot)", async () => {
    const dir = dataFolder("stale");
    const other = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      const first = await startEmbedded(dir);
      const pidFile = path.join(dir, "pg", "postmaster.pid");
      const lines = fs.readFileSync(pidFile, "utf8").split("\n");
      await first.stop();
      lines[0] = String(other.pid);
      fs.writeFileSync(pidFile, lines.join("\n"), { mode: 0o600 });
      const server = await startEmbedded(dir);
      try {
        const c = new pg.Client({ connectionString: server.url });
        await c.connect();
        expect((await c.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
        await c.end();
        expect(Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])).not.toBe(other.pid);
      } finally {
        await server.stop();
      }
    } finally {
      other.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("npm run serve keeps it running: stopped by the process that had started it, it comes back on the same URL", async () => {
    const dir = dataFolder("watch");
    const owner = await startEmbedded(dir); // e.g. a CLI command, started first
    const app = watchEmbedded(await startEmbedded(dir), dir, () => true, 200); // the demo, attached to it
    const pidFile = path.join(dir, "pg", "postmaster.pid");
    try {
      await owner.stop(); // the CLI command ends
      const deadline = Date.now() + 30_000;
      let rows: unknown[] | null = null;
      while (rows === null && Date.now() < deadline) {
        const c = new pg.Client({ connectionString: app.url });
        rows = await c.connect().then(
          async () => (await c.query("SELECT 1 AS one")).rows,
          () => null,
        );
        await c.end().catch(() => {});
        if (rows === null) await new Promise((r) => setTimeout(r, 200));
      }
      expect(rows).toEqual([{ one: 1 }]);
      await app.stop(); // the restarted server is the demo's own: stopped with it
      expect(fs.existsSync(pidFile)).toBe(false);
      await app.stop(); // already stopped: returns (it used to wait for ever)
    } finally {
      await app.stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("stopping a server that has died returns at once (it used to wait for ever for an exit already past)", async () => {
    const dir = dataFolder("dead");
    const server = await startEmbedded(dir);
    try {
      const pid = Number(fs.readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      const gone = Date.now() + 10_000;
      while (Date.now() < gone && fs.existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"))) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 200)); // the child's exit reaches this process
      const started = Date.now();
      await server.stop();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("two commands started together on a stopped folder: the second waits for the first instead of losing its server", async () => {
    const dir = dataFolder("perintah");
    const run = (ms: number) => perintah(dir, ms);
    try {
      const first = run(2500);
      await new Promise((r) => setTimeout(r, 1500));
      const second = run(3000); // its last query falls after the first one has ended
      const [a, b] = await Promise.all([first, second]);
      expect(a).toMatchObject({ code: 0, out: "ok 2\n" });
      expect(b).toMatchObject({ code: 0, out: "ok 2\n" });
      expect(b.err).toContain("sedang dipakai perintah lain");
      expect(fs.existsSync(path.join(dir, "perintah.lock"))).toBe(false);
      expect(fs.existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false); // the last one stopped it
      // A server the app runs (no hold): a command attaches at once and leaves it running.
      const app = await startEmbedded(dir);
      try {
        const c = await run(0);
        expect(c).toMatchObject({ code: 0, out: "ok 2\n" });
        expect(c.err).not.toContain("menunggu");
        const client = new pg.Client({ connectionString: app.url });
        await client.connect();
        expect((await client.query("SELECT 3 AS three")).rows).toEqual([{ three: 3 }]);
        await client.end();
      } finally {
        await app.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("a lock left by a dead process, a pid now another process's, or unreadable for long, does not hold a command; the app takes none", async () => {
    const dir = dataFolder("kunci");
    const lock = path.join(dir, "perintah.lock");
    const run = () => perintah(dir, 0);
    const dead = spawn("true");
    await new Promise((r) => dead.on("close", r));
    const old = new Date(Date.now() - 60_000);
    try {
      for (const content of [`${dead.pid} -`, `${process.pid} 1`, "abc", ""]) {
        fs.writeFileSync(lock, content);
        fs.utimesSync(lock, old, old);
        const r = await run();
        expect(r, content).toMatchObject({ code: 0, out: "ok 2\n" });
        expect(r.err, content).not.toContain("menunggu");
        expect(fs.existsSync(lock), content).toBe(false);
      }
      // The app's way in (scripts/lib/serve.ts → openDatabase()) holds nothing: a command run beside it attaches at once.
      process.env.PANTAU_DATA_DIR = dir;
      const { openDatabase } = await import("@/scripts/lib/database");
      const app = await openDatabase();
      try {
        expect(fs.existsSync(lock)).toBe(false);
        const r = await run();
        expect(r).toMatchObject({ code: 0, out: "ok 2\n" });
        expect(r.err).not.toContain("menunggu");
      } finally {
        await app.stop();
        delete process.env.PANTAU_DATA_DIR;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
