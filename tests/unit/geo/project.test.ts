import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import { BoundedCache } from "@/lib/geo/cache";
import { PETA_MAX_HEIGHT, PETA_WIDTH, projectShapes } from "@/lib/geo/project";
import { buildTopology, dropSpecks, topologyShapes } from "@/lib/geo/topology";

const square = (x: number, y: number, s: number): Polygon => ({ type: "Polygon", coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });
const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe("projectShapes", () => {
  it("fits the shapes to the width, north up, with the height of their proportions", () => {
    // Two squares side by side: 2° wide, 1° tall → 800 × 400; the northern edge (lat −5) at y = 0.
    const p = projectShapes([{ kode: "a", geometry: square(106, -6, 1) }, { kode: "b", geometry: square(107, -6, 1) }]);
    expect([p.width, p.height]).toEqual([PETA_WIDTH, 400]);
    const ys = numbers(p.paths.get("a")!).filter((_, i) => i % 2 === 1);
    expect(Math.min(...ys)).toBeCloseTo(0, 0);
    expect(Math.max(...ys)).toBeCloseTo(400, 0);
    const xs = numbers(p.paths.get("b")!).filter((_, i) => i % 2 === 0);
    expect(Math.min(...xs)).toBeCloseTo(400, 0);
  });

  it("caps a tall area at the maximum height and fits only the chosen units", () => {
    const tall = projectShapes([{ kode: "t", geometry: square(120, -10, 1) }, { kode: "u", geometry: square(120, -9, 1) }, { kode: "v", geometry: square(120, -8, 1) }]);
    expect(tall.height).toBe(PETA_MAX_HEIGHT);
    const fitted = projectShapes([{ kode: "a", geometry: square(106, -6, 1) }, { kode: "far", geometry: square(130, -6, 1) }], new Set(["a"]));
    expect(fitted.height).toBe(PETA_MAX_HEIGHT); // a square: as tall as wide, capped
    expect(Math.max(...numbers(fitted.paths.get("far")!).filter((_, i) => i % 2 === 0))).toBeGreaterThan(PETA_WIDTH);
  });
});

describe("topology round trip", () => {
  it("keeps every unit and the shared border of neighbours", () => {
    const shapes = topologyShapes(buildTopology([{ kode: "a", geometry: square(106, -6, 1) }, { kode: "b", geometry: square(107, -6, 1) }]));
    expect(shapes.map((s) => s.kode)).toEqual(["a", "b"]);
    const edge = (kode: string) => (shapes.find((s) => s.kode === kode)!.geometry as Polygon).coordinates[0].filter(([x]) => Math.abs(x - 107) < 1e-6).map(([, y]) => y).sort();
    expect(edge("a")).toEqual(edge("b").slice(0, edge("a").length));
  });

  it("drops small islands but never a unit's largest polygon", () => {
    const g = dropSpecks({ type: "MultiPolygon", coordinates: [square(0, 0, 0.001).coordinates, square(1, 1, 0.002).coordinates] }, 1);
    expect(g.type === "MultiPolygon" && g.coordinates.length).toBe(1);
  });
});

describe("BoundedCache", () => {
  it("drops the least recently read entry beyond its size", () => {
    const c = new BoundedCache<number>(2);
    c.set("a", 1);
    c.set("b", 2);
    c.get("a");
    c.set("c", 3);
    expect([c.get("a"), c.get("b"), c.get("c"), c.size]).toEqual([1, undefined, 3, 2]);
  });
});
