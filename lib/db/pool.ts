import pg from "pg";
import { databaseUrl } from "./connection";
import { started } from "@/lib/timing";
import { mapDatabaseError } from "./errors";

// pg pools for hand-written SQL (aggregates, COPY loads). Only lib/data and scripts use them.
// - pool(): web requests. A stopped database fails at once (connection refused). Limits: 10 s per statement
//   (statement_timeout, measured by PostgreSQL), 10 s idle inside a transaction, 10 s to open a connection,
//   60 s waiting for a free connection at a peak (a queue is not an outage: the user who waits still gets
//   the report in; tests/reliability/load), 30 s for an answer from a server that no longer responds. All
//   but the first two are timers in this process, which run late when its event loop is saturated, so
//   they are set wide: a tight one turned a busy month-end into "database unavailable".
// - bulkPool(): imports (CLI and upload), whose statements may run for minutes.
// Both turn outage errors into DatabaseUnavailableError (lib/db/errors.ts) and never let a dropped
// connection crash the process. PANTAU_DB_STATEMENT_TIMEOUT_MS changes the web limit (0 = none).

type Kind = "web" | "bulk";
const globalState = globalThis as typeof globalThis & { __pantauPools?: Partial<Record<Kind, Promise<pg.Pool>>> };

const STATEMENT_MS = Number(process.env.PANTAU_DB_STATEMENT_TIMEOUT_MS ?? 10_000);
const CONNECT_MS = 10_000;
const QUEUE_MS = 60_000;

// pg-pool uses connectionTimeoutMillis both for the wait in its queue and for opening a connection; the
// client's own setting bounds the opening alone, so the two limits can differ.
class ClientWithConnectTimeout extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({ ...(typeof config === "string" ? { connectionString: config } : config), connectionTimeoutMillis: CONNECT_MS });
  }
}

/** Connection settings of the web pool (also used by the Prisma adapter). */
export function webPoolConfig(connectionString: string): pg.PoolConfig {
  return {
    connectionString,
    max: 20,
    Client: ClientWithConnectTimeout as unknown as NonNullable<pg.PoolConfig["Client"]>, // pg-pool passes its options to the constructor
    connectionTimeoutMillis: QUEUE_MS,
    statement_timeout: STATEMENT_MS || undefined,
    query_timeout: STATEMENT_MS ? Math.max(30_000, STATEMENT_MS + 5_000) : undefined,
    idle_in_transaction_session_timeout: 10_000,
    idleTimeoutMillis: 60_000, // keep connections through a burst: opening one costs PostgreSQL a process
    keepAlive: true,
  };
}

function bulkPoolConfig(connectionString: string): pg.PoolConfig {
  return { connectionString, max: 4, Client: ClientWithConnectTimeout as unknown as NonNullable<pg.PoolConfig["Client"]>, connectionTimeoutMillis: QUEUE_MS, statement_timeout: 600_000, idle_in_transaction_session_timeout: 60_000, keepAlive: true };
}

type Callback = (error: unknown, ...rest: unknown[]) => void;

/** Wraps a client's query so that outage errors are mapped, for both the promise and the callback form. */
function mapQueryErrors(client: pg.ClientBase): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // pg emits 'error' on a checked-out client whose connection drops; without a listener that would be an
  // uncaught exception. The running query fails on its own, and the pool discards the broken client.
  client.on("error", () => {});
  const wrapped = (...args: unknown[]) => {
    const last = args[args.length - 1];
    const done = started("sql"); // profiling only (lib/timing.ts); a no-op otherwise
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
        done();
        return (last as Callback)(error ? mapDatabaseError(error) : error, ...rest);
      };
      return query(...args);
    }
    const result = query(...args);
    if (!(result instanceof Promise)) {
      done();
      return result;
    }
    return result.finally(done).catch((error: unknown) => Promise.reject(mapDatabaseError(error)));
  };
  // A replaced method: pg's overloads cannot be restated, the wrapper forwards every argument unchanged.
  (client as unknown as { query: typeof wrapped }).query = wrapped;
}

function createPool(config: pg.PoolConfig): pg.Pool {
  const p = new pg.Pool(config);
  p.on("connect", mapQueryErrors);
  p.on("error", (error) => console.warn(`Koneksi basis data terputus: ${error.message}`)); // an idle client lost its server
  const connect = p.connect.bind(p) as (cb?: Callback) => unknown;
  const wrapped = (cb?: Callback) =>
    cb
      ? connect((error: unknown, ...rest: unknown[]) => cb(error ? mapDatabaseError(error) : error, ...rest))
      : (connect() as Promise<pg.PoolClient>).catch((error: unknown) => Promise.reject(mapDatabaseError(error)));
  // Same as above: pool.query() goes through this.connect(cb), so its connect errors are mapped too.
  (p as unknown as { connect: typeof wrapped }).connect = wrapped;
  return p;
}

function get(kind: Kind): Promise<pg.Pool> {
  const pools = (globalState.__pantauPools ??= {});
  if (!pools[kind]) {
    const p = databaseUrl()
      .catch((error: unknown) => Promise.reject(mapDatabaseError(error)))
      .then((url) => createPool(kind === "web" ? webPoolConfig(url) : bulkPoolConfig(url)));
    p.catch(() => {
      pools[kind] = undefined; // a failed start is not cached: the next request tries again
    });
    pools[kind] = p;
  }
  return pools[kind];
}

export function pool(): Promise<pg.Pool> {
  return get("web");
}

export function bulkPool(): Promise<pg.Pool> {
  return get("bulk");
}

export async function closePool(): Promise<void> {
  const pools = globalState.__pantauPools ?? {};
  globalState.__pantauPools = {};
  // A pool whose start failed is left as `undefined` (get): nothing to close, and the caller's own error stands.
  await Promise.all(Object.values(pools).map(async (p) => (p ? (await p.catch(() => null))?.end() : undefined)));
}
