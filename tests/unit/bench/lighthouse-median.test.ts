import { describe, expect, it } from "vitest";
import { type LighthouseRun, lighthouseFloorLine, lighthouseMeetsBudget, medianRun } from "@/scripts/bench/lighthouse";
import { pageFaultMicros } from "@/scripts/bench/machine";

const run = (performance: number, lcpMs: number, tbtMs: number, consoleErrors: string[] = []): LighthouseRun => ({
  performance,
  fcpMs: lcpMs - 300,
  lcpMs,
  tbtMs,
  ttiMs: 1800,
  cls: 0,
  transferBytes: 199_000,
  scriptTransferBytes: 159_000,
  consoleErrors,
});

describe("medianRun", () => {
  it("takes each figure's median: five runs all scoring 100 report the middle TBT, not the third run's", () => {
    const runs = [run(100, 1392, 11), run(100, 1273, 74), run(100, 1216, 3), run(100, 1358, 7), run(100, 1101, 20)];
    const m = medianRun(runs);
    expect(m.tbtMs).toBe(11);
    expect(m.lcpMs).toBe(1273);
    expect(m.fcpMs).toBe(973);
    expect(m.performance).toBe(100);
  });

  it("averages the two middle values of an even count, and fails the budget when the median misses it", () => {
    const m = medianRun([run(99, 1400, 90), run(94, 1600, 130), run(96, 1500, 110), run(100, 1200, 40)]);
    expect(m.tbtMs).toBe(100);
    expect(m.lcpMs).toBe(1450);
    expect(m.performance).toBe(97.5);
    expect(lighthouseMeetsBudget(m)).toBe(true);
    expect(lighthouseMeetsBudget(medianRun([run(100, 1300, 120), run(100, 1300, 101), run(100, 1300, 20)]))).toBe(false);
  });

  it("keeps the console errors of every run, once each", () => {
    expect(medianRun([run(100, 1, 1, ["a"]), run(100, 1, 1), run(100, 1, 1, ["a", "b"])]).consoleErrors).toEqual(["a", "b"]);
  });

  it("refuses no runs", () => {
    expect(() => medianRun([])).toThrow();
  });
});

describe("lighthouseFloorLine", () => {
  const result = (url: string, runs: LighthouseRun[]) => ({ url, runs, median: medianRun(runs), version: "12.2.3" });

  it("reports the login page's medians and what the desa page adds above them", () => {
    const page = result("/wilayah/33.06.02.2020", [run(83, 1470, 684), run(92, 1240, 343), run(79, 2270, 828)]);
    const floor = result("/login", [run(87, 2000, 486), run(83, 2800, 488), run(85, 2700, 483)]);
    const line = lighthouseFloorLine(page, floor);
    expect(line).toContain("on /login");
    expect(line).toContain("TBT 486 ms (the runs: 486, 488, 483 ms)");
    expect(line).toContain("the desa page above it: TBT +198 ms, performance -2");
  });
});

describe("pageFaultMicros", () => {
  it("measures a positive, finite cost per fresh page", () => {
    const us = pageFaultMicros(8, 1);
    expect(Number.isFinite(us)).toBe(true);
    expect(us).toBeGreaterThan(0);
  });
});
