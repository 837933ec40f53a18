import pg from "pg";
import { databaseUrl } from "./connection";

// A pg pool for hand-written SQL (aggregates, COPY loads). Only lib/data and scripts use it.
const globalState = globalThis as typeof globalThis & { __pantauPool?: Promise<pg.Pool> };

export function pool(): Promise<pg.Pool> {
  if (!globalState.__pantauPool) {
    const p = databaseUrl().then((connectionString) => new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 }));
    p.catch(() => {
      globalState.__pantauPool = undefined;
    });
    globalState.__pantauPool = p;
  }
  return globalState.__pantauPool;
}

export async function closePool(): Promise<void> {
  const p = globalState.__pantauPool;
  globalState.__pantauPool = undefined;
  if (p) await (await p).end();
}
