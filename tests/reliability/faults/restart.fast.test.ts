import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { port, sharedStack, writeFigures } from "../support/shared";
import { ROOT, startApp, TEST_SECRET } from "../support/stack";

// The production command (`npm run serve`, scripts/serve.ts) supervises the Next.js server: killed with
// SIGKILL (as the OOM killer does), it answers again within 10 s without anyone restarting it; the
// supervisor logs why it died, sets the heap limit, and stops cleanly on SIGTERM. Against the shared
// stack's database, on a port of its own.

const stack = sharedStack();
const PORT = port(5);
const URL_ = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function health(): Promise<{ status: number; body: unknown } | null> {
  try {
    const r = await fetch(`${URL_}/api/health`, { signal: AbortSignal.timeout(3000) });
    return { status: r.status, body: await r.json() };
  } catch {
    return null;
  }
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await probe();
    if (v) return v;
    await sleep(100);
  }
  throw new Error(`timed out: ${what}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the service comes back by itself", () => {
  let supervisor: ChildProcess;
  let out = "";

  afterAll(async () => {
    if (supervisor && supervisor.exitCode === null) process.kill(-supervisor.pid!, "SIGKILL");
    fs.mkdirSync(path.join("test-results", "reliability"), { recursive: true });
    fs.writeFileSync(path.join("test-results", "reliability", "restart-server.log"), out);
  });

  it("SIGKILL of the Next.js server: answering again within 10 s, the death logged; SIGTERM stops everything", async () => {
    // As `npm run serve` runs it: one node process with the tsx loader (no wrapper between it and signals).
    supervisor = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts"], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PORT: String(PORT),
        PANTAU_HOST: "127.0.0.1",
        PANTAU_HEAP_MB: "768",
        DATABASE_URL: stack.databaseUrl,
        PANTAU_DATA_DIR: stack.dataDir,
        NEXTAUTH_SECRET: TEST_SECRET,
        NEXTAUTH_URL: URL_,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    supervisor.stdout!.on("data", (d) => (out += d));
    supervisor.stderr!.on("data", (d) => (out += d));
    const pids = () => [...out.matchAll(/server Next\.js dijalankan \(pid (\d+)/g)].map((m) => Number(m[1]));

    const first = await until("first start", 120_000, async () => (await health())?.status === 200 && pids().length === 1);
    expect(first).toBe(true);
    expect((await health())?.body).toEqual({ status: "ok", server: "ok", database: "ok" });
    const [pid] = pids();
    // The heap limit from PANTAU_HEAP_MB, and the young generation sized from it (an eighth: 96 → at most 64).
    expect(fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")).toContain("NODE_OPTIONS=--max-old-space-size=768 --max-semi-space-size=64");

    process.kill(pid, "SIGKILL");
    const killedAt = Date.now();
    await until("the kill is seen", 5_000, async () => (await health()) === null || pids().length > 1);
    await until("answering again", 10_000, async () => (await health())?.status === 200);
    const recoveryMs = Date.now() - killedAt;
    expect(recoveryMs).toBeLessThan(10_000);
    expect(pids()).toHaveLength(2);
    expect(pids()[1]).not.toBe(pid);
    expect(alive(supervisor.pid!)).toBe(true);
    expect(out).toMatch(new RegExp(`pid ${pid}\\) mati — sinyal SIGKILL`));

    const exited = new Promise<number | null>((resolve) => supervisor.once("exit", (code) => resolve(code)));
    process.kill(supervisor.pid!, "SIGTERM");
    const stopStart = Date.now();
    expect(await exited).toBe(0);
    expect(alive(pids()[1])).toBe(false);
    expect(await health()).toBeNull();
    writeFigures("restart", { recoveryMs, stopMs: Date.now() - stopStart });
  });

  it("GET /api/health without a database: 503 at once, without internals; no login needed either way", async () => {
    const app = await startApp({ port: port(6), databaseUrl: "postgresql://postgres:pantau@127.0.0.1:1/pantau", dataDir: stack.dataDir });
    try {
      const t0 = Date.now();
      const r = await fetch(`${app.url}/api/health`);
      const text = await r.text();
      expect(r.status).toBe(503);
      expect(JSON.parse(text)).toEqual({ status: "gangguan", server: "ok", database: "tidak tersedia" });
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
      expect(Date.now() - t0).toBeLessThan(3_000);
      expect(r.headers.get("cache-control")).toBe("no-store");
    } finally {
      await app.stop();
    }
  });
});
