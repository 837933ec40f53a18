import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// Keeps the Next.js server running: restarts it when it dies (within a second; with a growing wait, up to
// 30 s, when it keeps dying soon after starting), logs why it died (exit code or signal and the likely
// cause from the tail of its stderr, e.g. "heap out of memory"), and stops it cleanly on SIGINT/SIGTERM.
// The heap limit is set explicitly: PANTAU_HEAP_MB (default 512, sized for a 2 GB machine shared with
// PostgreSQL: docs/deploy.md) becomes --max-old-space-size.

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** A server that ran this long before dying counts as healthy: the next restart is immediate again. */
const STABLE_MS = 60_000;
const TAIL_BYTES = 8_192;
const STOP_GRACE_MS = 10_000;

export const DEFAULT_HEAP_MB = 512;

export function heapMb(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.PANTAU_HEAP_MB);
  return Number.isInteger(n) && n >= 256 ? n : DEFAULT_HEAP_MB;
}

/** V8's young generation (--max-semi-space-size, MB): an eighth of the heap limit, at most 64. Rendering a
 *  dashboard allocates megabytes of short-lived objects; with V8's default 16 MB the server spent 17 % of
 *  its time in scavenges under 4 clients on the kabupaten page, with 64 MB it served ~10 % more pages
 *  (docs/scaling.md). It costs up to three semi-spaces of resident memory (its peak in the kabupaten test: 240 → 359 MB). */
export function semiSpaceMb(heap: number): number {
  return Math.min(64, Math.max(16, Math.floor(heap / 8)));
}

/** NODE_OPTIONS for the Next.js server: the caller's, plus the heap limit and the young generation. */
export function serverNodeOptions(env: Record<string, string | undefined> = process.env): string {
  const heap = heapMb(env);
  return [env.NODE_OPTIONS ?? "", `--max-old-space-size=${heap}`, `--max-semi-space-size=${semiSpaceMb(heap)}`].join(" ").trim();
}

/** Wait before the next start after `quickDeaths` deaths in a row, each soon after its start. */
export function restartDelayMs(quickDeaths: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, quickDeaths - 1));
}

/** A short reason for a death, read from the exit and the tail of stderr. */
export function deathReason(code: number | null, signal: NodeJS.Signals | null, stderrTail: string): string {
  const how = signal ? `sinyal ${signal}` : `kode keluar ${code}`;
  if (/heap out of memory|Allocation failed - JavaScript heap/i.test(stderrTail)) return `${how}: kehabisan memori heap (naikkan PANTAU_HEAP_MB)`;
  if (/EADDRINUSE/.test(stderrTail)) return `${how}: port sudah dipakai proses lain`;
  if (signal === "SIGKILL") return `${how}: dihentikan paksa (mis. OOM killer sistem atau kill -9)`;
  const last = stderrTail.trim().split("\n").pop();
  return last ? `${how}: ${last.slice(0, 300)}` : how;
}

export interface Supervisor {
  /** Process id of the running server, if any. */
  pid(): number | undefined;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and no longer restarts it. */
  stop(): Promise<void>;
}

export function superviseNextServer(opts: { port: number; env: NodeJS.ProcessEnv; log?: (line: string) => void }): Supervisor {
  const log = opts.log ?? ((line: string) => console.log(`[pantau] ${line}`));
  const entry = path.join(process.cwd(), "scripts", "next-server.mjs");
  const nodeOptions = serverNodeOptions(opts.env);
  let child: ChildProcess | undefined;
  let stopping = false;
  let quickDeaths = 0;
  let timer: NodeJS.Timeout | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = () => {
    const startedAt = Date.now();
    let tail = "";
    const c = spawn(process.execPath, [entry], {
      env: { ...opts.env, NODE_ENV: "production", PORT: String(opts.port), NODE_OPTIONS: nodeOptions },
      stdio: ["ignore", "inherit", "pipe"],
    });
    child = c;
    c.stderr!.on("data", (d: Buffer) => {
      process.stderr.write(d);
      tail = (tail + d.toString()).slice(-TAIL_BYTES);
    });
    log(`server Next.js dijalankan (pid ${c.pid}, port ${opts.port}, heap ${heapMb(opts.env)} MB)`);
    exited = new Promise((resolve) => {
      c.once("exit", (code, signal) => {
        resolve();
        if (stopping) return;
        quickDeaths = Date.now() - startedAt < STABLE_MS ? quickDeaths + 1 : 1;
        const delay = restartDelayMs(quickDeaths);
        log(`server Next.js (pid ${c.pid}) mati — ${deathReason(code, signal, tail)}; dijalankan lagi dalam ${(delay / 1000).toFixed(1)} s`);
        timer = setTimeout(start, delay);
      });
    });
  };
  start();

  return {
    pid: () => child?.pid,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      c.kill("SIGTERM");
      const force = setTimeout(() => c.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(force);
    },
  };
}
