import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { startEmbedded, type EmbeddedServer } from "@/lib/db/embedded";

// The pieces the reliability suite runs against: an embedded PostgreSQL in a throw-away folder and the
// production build served by `next start` (as `npm run demo` serves it), each started, stopped and killed
// by the tests themselves.

export const ROOT = path.resolve(import.meta.dirname, "../../..");

/** The database of a test stack; `port` is fixed so that a restarted server takes the same address. */
export interface TestDatabase extends EmbeddedServer {
  dir: string;
  port: number;
}

export async function startDatabase(dir: string, port?: number): Promise<TestDatabase> {
  fs.mkdirSync(dir, { recursive: true });
  const server = await startEmbedded(dir, false, port);
  return { ...server, dir, port: Number(new URL(server.url).port) };
}

/** Process id of the postmaster of an embedded data folder (first line of postmaster.pid), or null. */
export function postmasterPid(dir: string): number | null {
  const file = path.join(dir, "pg", "postmaster.pid");
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export interface AppServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server wrote on stdout and stderr so far. */
  output(): string;
  /** SIGTERM (clean) or SIGKILL (crash) the whole process group and wait for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export const TEST_SECRET = "uji-keandalan-rahasia-sesi-0123456789abcdef";

/** Whether something accepts connections on 127.0.0.1:`port`. */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(port: number, free: boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await portInUse(port)) !== free) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const r = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      await r.arrayBuffer();
      if (r.status < 500) return;
      last = r.status;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} not ready: ${String(last)}`);
}

/** Serves the production build (`next build` must have run) on 127.0.0.1:`port` against `databaseUrl`. */
export async function startApp(opts: { port: number; databaseUrl: string; dataDir: string; env?: Record<string, string> }): Promise<AppServer> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npx next build` first.");
  // A server still closing on the port (or someone else's) would answer in place of ours.
  if (!(await waitForPort(opts.port, true, 15_000))) throw new Error(`port ${opts.port} is in use`);
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(opts.port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    detached: true, // own process group: a kill reaches every process next start forks
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.databaseUrl,
      PANTAU_DATA_DIR: opts.dataDir,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: TEST_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      // Login throttling counts X-Forwarded-For: the tests play clients at different addresses with it.
      PANTAU_TRUST_PROXY: "1",
      ...opts.env,
    },
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
    await exited;
    await waitForPort(opts.port, true, 15_000); // next start's server process may close its socket after the parent exits
  };
  try {
    await waitForHttp(`${url}/login`, 60_000, child);
    if (child.exitCode !== null || /EADDRINUSE/.test(out)) throw new Error("next start did not keep running");
  } catch (error) {
    await stop("SIGKILL");
    throw new Error(`${(error as Error).message}\n${out.slice(-2000)}`);
  }
  return { url, port: opts.port, child, output: () => out, stop };
}
