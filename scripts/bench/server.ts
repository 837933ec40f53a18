import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { authSecret } from "@/lib/auth/secret";
import { buildIsStale } from "../lib/build";
import { heapMb, serverNodeOptions } from "../lib/supervise";

// The production server under test: `next build` when stale, then the server exactly as `npm run serve`
// runs it (scripts/next-server.mjs with the heap limit of PANTAU_HEAP_MB, scripts/lib/supervise.ts) on the
// bench database, and its resident memory sampled (the process and its children) while the benchmark runs.

export function buildIfStale(log: (m: string) => void): void {
  if (!buildIsStale()) return;
  log("Membangun aplikasi (next build)…");
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXTAUTH_SECRET: authSecret() } });
  if (r.status !== 0) throw new Error("next build gagal");
}

function rssKb(pid: number): { rss: number; hwm: number } {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

function tree(pid: number): number[] {
  const out = [pid];
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      const children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (children) for (const c of children.split(/\s+/)) out.push(...tree(Number(c)));
    }
  } catch {
    // process gone
  }
  return out;
}

export interface AppServer {
  url: string;
  pid: number;
  /** The heap limit the server runs with (MB, --max-old-space-size). */
  heapMb: number;
  /** Resident memory of the server's processes now (MB). */
  rssMb(): number;
  /** Peak resident memory of the server's processes (MB), sampled every 100 ms and from VmHWM. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startApp(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  const url = `http://localhost:${port}`;
  const heap = heapMb({ ...process.env, ...env });
  const nodeOptions = serverNodeOptions({ ...process.env, ...env });
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(process.cwd(), "scripts", "next-server.mjs")], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env, NODE_ENV: "production", PORT: String(port), NODE_OPTIONS: nodeOptions,
      DATABASE_URL: databaseUrl, NEXTAUTH_URL: url, NEXTAUTH_SECRET: authSecret(), ...env,
    },
  });
  let peakKb = 0;
  let nowKb = 0;
  const sample = () => {
    let sum = 0;
    let hwm = 0;
    for (const pid of tree(child.pid!)) {
      const m = rssKb(pid);
      sum += m.rss;
      hwm += m.hwm;
    }
    nowKb = sum;
    peakKb = Math.max(peakKb, sum, hwm);
  };
  const timer = setInterval(sample, 100);
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start berhenti (kode ${child.exitCode})`);
    const ok = await fetch(`${url}/login`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > until) throw new Error("next start tidak menjawab dalam 120 dtk");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    pid: child.pid!,
    heapMb: heap,
    rssMb: () => {
      sample();
      return Math.round(nowKb / 1024);
    },
    peakRssMb: () => {
      sample();
      return Math.round(peakKb / 1024);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
