import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { span, spanSync, started, type TimingStore } from "@/lib/timing";

const g = globalThis as { __pantauTiming?: AsyncLocalStorage<TimingStore> };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  delete g.__pantauTiming;
});

describe("lib/timing", () => {
  it("without a timing store, runs the work and records nothing", async () => {
    expect(await span("sql", async () => 7)).toBe(7);
    expect(spanSync("compute", () => 8)).toBe(8);
    expect(() => started("sql")()).not.toThrow();
  });

  it("counts overlapping work of one name once (wall time in flight), separate names apart", async () => {
    const als = new AsyncLocalStorage<TimingStore>();
    g.__pantauTiming = als;
    const store: TimingStore = { spans: {}, open: {} };
    await als.run(store, async () => {
      await Promise.all([span("sql", () => wait(60)), span("sql", () => wait(60)), span("session", () => wait(30))]);
      spanSync("compute", () => {
        const until = performance.now() + 5;
        while (performance.now() < until);
      });
    });
    expect(store.spans.sql).toBeGreaterThanOrEqual(55);
    expect(store.spans.sql).toBeLessThan(110); // two 60 ms queries side by side: ≈ 60, not 120
    expect(store.spans.session).toBeGreaterThanOrEqual(25);
    expect(store.spans.compute).toBeGreaterThanOrEqual(4.5);
  });

  it("a request's spans stay in its own store", async () => {
    const als = new AsyncLocalStorage<TimingStore>();
    g.__pantauTiming = als;
    const a: TimingStore = { spans: {}, open: {} };
    const b: TimingStore = { spans: {}, open: {} };
    await Promise.all([als.run(a, () => span("sql", () => wait(20))), als.run(b, () => span("session", () => wait(20)))]);
    expect(Object.keys(a.spans)).toEqual(["sql"]);
    expect(Object.keys(b.spans)).toEqual(["session"]);
  });
});
