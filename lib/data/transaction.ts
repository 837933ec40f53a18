import "server-only";
import type pg from "pg";
import { bulkPool, pool } from "@/lib/db/pool";

/** Runs `fn` in one transaction; commits when it answers ok (or has no ok flag), else rolls back.
 *  With `rollback`, it always rolls back: a preview that computes exactly what would change. With `bulk`, it
 *  runs on the pool for long imports (longer statement timeout, few connections) instead of the web pool. */
export async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>, opts: { rollback?: boolean; bulk?: boolean } = {}): Promise<T> {
  const client = await (await (opts.bulk ? bulkPool() : pool())).connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    const failed = typeof result === "object" && result !== null && "ok" in result && result.ok === false;
    await client.query(failed || opts.rollback ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
