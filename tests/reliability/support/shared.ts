import fs from "node:fs";
import path from "node:path";
import pg from "pg";

// The shared stack started by setup/global.ts, and where files write their figures.

export const FAST = process.env.RELIABILITY_FAST === "1";

/** Ports of the suite: the shared server on RELIABILITY_PORT (default 3620), extra servers just above it. */
export function port(offset = 0): number {
  return Number(process.env.RELIABILITY_PORT ?? 3620) + offset;
}

export function sharedStack(): { url: string; databaseUrl: string; dataDir: string; tmp: string } {
  const url = process.env.RELIABILITY_URL;
  const databaseUrl = process.env.RELIABILITY_DATABASE_URL;
  if (!url || !databaseUrl) throw new Error("run with vitest.reliability.config.ts (global setup missing)");
  return { url, databaseUrl, dataDir: process.env.RELIABILITY_DATA_DIR!, tmp: process.env.RELIABILITY_TMP! };
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Figures of a run, kept in test-results/reliability/<name>.json (docs/reliability.md quotes them). */
export function writeFigures(name: string, figures: unknown): void {
  const dir = path.join("test-results", "reliability");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}${FAST ? ".fast" : ""}.json`), JSON.stringify(figures, null, 2) + "\n");
  console.log(`[${name}] ${JSON.stringify(figures)}`);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]);
}
