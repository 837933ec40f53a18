// "The database is not there": PostgreSQL stopped, restarting, refusing connections or too slow. Every
// such failure from pg or Prisma becomes one DatabaseUnavailableError, so that pages show "basis data
// tidak tersedia" (app/error.tsx reads the digest, which Next.js passes to the browser unchanged), route
// handlers answer 503 (lib/api/errors.ts) and actions say so, never with the driver's text.

export const DB_UNAVAILABLE_DIGEST = "PANTAU_DB_UNAVAILABLE";

export class DatabaseUnavailableError extends Error {
  readonly digest = DB_UNAVAILABLE_DIGEST;
  constructor(cause?: unknown) {
    super("Basis data tidak tersedia.", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// SQLSTATE: class 08 connection exception; 57P01-57P03 shutdown / cannot connect now; 53300 too many
// connections; 57014 statement cancelled (statement_timeout).
const PG_CODES = /^(08\w{3}|57P0[1-3]|53300|57014)$/;
// Prisma: P1001 cannot reach, P1002 timed out, P1008 operation timeout, P1017 connection closed, P2024 pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Prisma's driver-adapter error kinds for the same situations.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /connection terminated|connection error|not queryable|timeout exceeded when trying to connect|^timeout expired$|query read timeout|terminating connection|database system is (starting up|shutting down|in recovery mode)|ECONNREFUSED|connect ENOENT|can't reach database server/i;

/** Whether an error (or one of its causes) means the database cannot be used right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    if (typeof e !== "object") return false;
    const { code, syscall, kind, message, cause } = e as { code?: unknown; syscall?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (SOCKET_CODES.has(code) || PG_CODES.test(code) || PRISMA_CODES.has(code))) return true;
    // The embedded server's Unix socket is gone while it is stopped (lib/db/embedded.ts): only a connect.
    if (code === "ENOENT" && syscall === "connect") return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}

/** The error to throw on: a DatabaseUnavailableError for an outage, the error itself otherwise. */
export function mapDatabaseError(error: unknown): unknown {
  return error instanceof DatabaseUnavailableError || !isDatabaseUnavailable(error) ? error : new DatabaseUnavailableError(error);
}
