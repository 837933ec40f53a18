import { describe, expect, it } from "vitest";
import { niceScale, pwsGeometry, type ChartFrame, type PwsPoint } from "@/lib/chart/pws";

const FRAME: ChartFrame = { width: 360, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 40 } };

const series = (capaian: (number | null)[], perMonth = 100 / 12): PwsPoint[] =>
  capaian.map((c, i) => ({ bulan: i + 1, capaian: c, target: perMonth * (i + 1) }));

describe("niceScale", () => {
  it("never ends below 100 % and uses at most 5 round steps", () => {
    expect(niceScale(0)).toEqual({ top: 100, step: 20 });
    expect(niceScale(100)).toEqual({ top: 100, step: 20 });
    expect(niceScale(101)).toEqual({ top: 125, step: 25 });
    expect(niceScale(137)).toEqual({ top: 150, step: 50 });
    expect(niceScale(480)).toEqual({ top: 500, step: 100 });
    expect(niceScale(Number.NaN)).toEqual({ top: 100, step: 20 });
  });
});

describe("pwsGeometry", () => {
  it("has all twelve month labels Jan..Des in equal bands, even when the figures stop at March", () => {
    const g = pwsGeometry(series([5, 10, 15]), FRAME);
    expect(g.months.map((m) => m.label)).toEqual(["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]);
    const band = (360 - 10 - 40) / 12;
    expect(g.months[0].x).toBeCloseTo(40 + band / 2, 1);
    expect(g.months[11].x).toBeCloseTo(350 - band / 2, 1);
    for (let i = 1; i < 12; i++) expect(g.months[i].x - g.months[i - 1].x).toBeCloseTo(band, 0);
    expect(g.capaian.map((p) => p.x)).toEqual(g.months.slice(0, 3).map((m) => m.x));
    expect(g.target).toHaveLength(3);
  });

  it("maps 0 to the bottom of the plot and the scale top to its top, ticks included", () => {
    const g = pwsGeometry(series([0, 50, 100]), FRAME);
    expect(g.yMax).toBe(100);
    expect(g.capaian[0].y).toBe(170);
    expect(g.capaian[1].y).toBe(90);
    expect(g.capaian[2].y).toBe(10);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(g.yTicks[0].y).toBe(170);
    expect(g.yTicks.at(-1)!.y).toBe(10);
  });

  it("grows the scale above 100 % for a capaian over 100 % and keeps every point inside the plot", () => {
    const g = pwsGeometry(series([60, 130, 190]), FRAME);
    expect(g.yMax).toBe(200);
    for (const p of [...g.capaian, ...g.target]) {
      expect(p.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(p.y).toBeLessThanOrEqual(g.plot.bottom);
    }
  });

  it("skips months without sasaran in the capaian line but keeps the target line", () => {
    const g = pwsGeometry(series([10, null, 30, 40]), FRAME);
    expect(g.capaian.map((p) => p.bulan)).toEqual([1, 3, 4]);
    expect(g.capaianPath.split(" L")).toHaveLength(3);
    expect(g.capaianPath.startsWith(`M${g.capaian[0].x} ${g.capaian[0].y}`)).toBe(true);
    expect(g.target.map((p) => p.bulan)).toEqual([1, 2, 3, 4]);
  });

  it("draws no capaian line when no month has a sasaran", () => {
    const g = pwsGeometry(series([null, null]), FRAME);
    expect(g.capaian).toEqual([]);
    expect(g.capaianPath).toBe("");
    expect(g.targetPath).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  });
});
