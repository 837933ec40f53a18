import type { AsyncLocalStorage } from "node:async_hooks";

// Where a request's milliseconds go, for profiling (docs/scaling.md): with PANTAU_TIMING=<file>,
// scripts/next-server.mjs opens a store per request and, when the response has finished, appends one JSON
// line (path, total, first byte, spans) to the file. Spans are wall time with at least one piece of work
// of that name in flight (overlapping work counts once): "session" (the session check: JWT and the
// app_user row through Prisma; the layout and the page both ask), "sql" (pg queries of lib/data),
// "compute" (lib/spm figures). The rest of the total is Next.js and React: render and serialise (RSC payload and HTML).
// Without PANTAU_TIMING there is no store and every helper is one property read.

export interface TimingStore {
  spans: Record<string, number>;
  /** Per span name: pieces in flight and since when (ms). */
  open: Record<string, { n: number; since: number }>;
}

function store(): TimingStore | undefined {
  return (globalThis as { __pantauTiming?: AsyncLocalStorage<TimingStore> }).__pantauTiming?.getStore();
}

function add(s: TimingStore, name: string, ms: number): void {
  s.spans[name] = (s.spans[name] ?? 0) + ms;
}

/** Marks work of span `name` as started; call the returned function when it ends. Overlapping work counts once. */
export function started(name: string): () => void {
  const s = store();
  if (!s) return noop;
  const o = (s.open[name] ??= { n: 0, since: 0 });
  if (o.n++ === 0) o.since = performance.now();
  return () => {
    if (--o.n === 0) add(s, name, performance.now() - o.since);
  };
}

/** Runs `fn` as work of span `name` of the current request (when timing is on). */
export async function span<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const done = started(name);
  try {
    return await fn();
  } finally {
    done();
  }
}

/** As span, for synchronous work. */
export function spanSync<T>(name: string, fn: () => T): T {
  const done = started(name);
  try {
    return fn();
  } finally {
    done();
  }
}

function noop(): void {}
