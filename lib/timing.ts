import type { AsyncLocalStorage } from "node:async_hooks";

// Where a request's milliseconds go, for profiling (docs/scaling.md): with PANTAU_TIMING=<file>,
// scripts/next-server.mjs opens a store per request and, when the response has finished, appends one JSON
// line (path, total, first byte, spans) to the file. Spans: "session" (the session check), "sql" (wall time
// with at least one pg query of the request in flight, outside the session check), "compute" (lib/spm
// figures). The rest of the total is Next.js and React: render and serialise (RSC payload and HTML).
// Without PANTAU_TIMING there is no store and every helper is one property read.

export interface TimingStore {
  spans: Record<string, number>;
  current: string | null;
  sqlInFlight: number;
  sqlSince: number;
}

function store(): TimingStore | undefined {
  return (globalThis as { __pantauTiming?: AsyncLocalStorage<TimingStore> }).__pantauTiming?.getStore();
}

function add(s: TimingStore, name: string, ms: number): void {
  s.spans[name] = (s.spans[name] ?? 0) + ms;
}

/** Runs `fn`, adding its duration to the span `name` of the current request (when timing is on). */
export async function span<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const s = store();
  if (!s) return fn();
  const t = performance.now();
  const outer = s.current;
  s.current = name;
  try {
    return await fn();
  } finally {
    s.current = outer;
    add(s, name, performance.now() - t);
  }
}

/** As span, for synchronous work. */
export function spanSync<T>(name: string, fn: () => T): T {
  const s = store();
  if (!s) return fn();
  const t = performance.now();
  try {
    return fn();
  } finally {
    add(s, name, performance.now() - t);
  }
}

/** Marks a pg query as started; call the returned function when it settles. Overlapping queries count once. */
export function sqlStarted(): () => void {
  const s = store();
  if (!s || s.current === "session") return noop;
  if (s.sqlInFlight++ === 0) s.sqlSince = performance.now();
  return () => {
    if (--s.sqlInFlight === 0) add(s, "sql", performance.now() - s.sqlSince);
  };
}

function noop(): void {}
