import autocannon from "autocannon";

// Latency statistics of a measured run: every request's time is kept (autocannon reports p97.5, not p95).

export interface Stats {
  n: number;
  errors: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Requests per second over the measured run. */
  rps: number;
}

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function stats(times: number[], errors: number, wallMs: number): Stats {
  const s = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, errors, medianMs: r(percentile(s, 0.5)), p95Ms: r(percentile(s, 0.95)), maxMs: r(s[s.length - 1] ?? NaN), rps: r((s.length / wallMs) * 1000) };
}

export interface LoadOptions {
  connections: number;
  /** Measured run: a duration in seconds or a number of requests. */
  duration?: number;
  amount?: number;
  warmupSeconds: number;
  warmupAmount?: number;
  /** Extra request headers (e.g. what a browser sends for a page: Accept, Accept-Encoding). */
  headers?: Record<string, string>;
}

function cannon(url: string, headers: Record<string, string>, o: { connections: number; duration?: number; amount?: number }, onTime?: (ms: number, ok: boolean) => void) {
  return new Promise<{ durationMs: number; non2xx: number; errors: number }>((resolve, reject) => {
    const inst = autocannon(
      { url, headers, connections: o.connections, ...(o.amount ? { amount: o.amount } : { duration: o.duration ?? 5 }), timeout: 60 },
      (err, result) => (err ? reject(err) : resolve({ durationMs: result.duration * 1000, non2xx: result.non2xx, errors: result.errors + result.timeouts })),
    );
    inst.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => onTime?.(responseTime, statusCode === 200));
  });
}

/** GET `url` with several concurrent connections: a warm-up run (discarded), then the measured run. */
export async function loadGet(url: string, cookie: string, o: LoadOptions): Promise<Stats> {
  const headers = { ...o.headers, cookie };
  await cannon(url, headers, { connections: o.connections, ...(o.warmupAmount ? { amount: o.warmupAmount } : { duration: o.warmupSeconds }) });
  const times: number[] = [];
  let bad = 0;
  const started = Date.now();
  const r = await cannon(url, headers, o, (ms, ok) => {
    times.push(ms);
    if (!ok) bad++;
  });
  return stats(times, bad + r.errors, r.durationMs || Date.now() - started);
}

/**
 * Runs `task` from `workers` concurrent loops, `perWorker` times each after `warmup` unmeasured runs per
 * loop. A task returns the milliseconds to count (its timed part) or nothing (its whole run is counted);
 * a thrown error counts as an error.
 */
export async function loadTask(workers: number, perWorker: number, warmup: number, task: (worker: number) => Promise<number | void>): Promise<Stats> {
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; i < warmup; i++) await task(w).catch((error) => console.error(`  galat pemanasan: ${error instanceof Error ? error.message : error}`));
  }));
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; i < perWorker; i++) {
      const t = performance.now();
      try {
        const ms = await task(w);
        times.push(typeof ms === "number" ? ms : performance.now() - t);
      } catch (error) {
        if (errors++ === 0) console.error(`  galat: ${error instanceof Error ? error.message : error}`);
      }
    }
  }));
  return stats(times, errors, performance.now() - started);
}

/** What a browser sends with a page request (Chromium's navigation headers, the ones the server reads):
 *  the dashboards answer it with the scripts-after-paint head, gzipped (scripts/lib/scripts-after-paint.mjs). */
export const BROWSER_HEADERS: Record<string, string> = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br, zstd",
};
