import { describe, expect, it } from "vitest";
import { slope } from "@/scripts/bench/long";

describe("long-run memory trend", () => {
  it("slope is the least-squares growth per unit of x", () => {
    expect(slope([{ x: 0, y: 100 }, { x: 10, y: 120 }, { x: 20, y: 140 }])).toBeCloseTo(2);
    expect(slope([{ x: 0, y: 300 }, { x: 1, y: 250 }, { x: 2, y: 300 }, { x: 3, y: 250 }])).toBeCloseTo(-10);
    expect(slope([{ x: 0, y: 5 }])).toBe(0);
    expect(slope([{ x: 4, y: 5 }, { x: 4, y: 9 }])).toBe(0);
  });

  it("a saw-tooth of garbage collections around a flat level fits close to zero", () => {
    const points = Array.from({ length: 120 }, (_, i) => ({ x: i * 5, y: 250 + (i % 6) * 10 }));
    expect(Math.abs(slope(points) * 600)).toBeLessThan(25);
  });
});
