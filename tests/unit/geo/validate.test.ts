import { describe, expect, it } from "vitest";
import { geometryProblems, insideBox } from "@/lib/geo/validate";

const poly = (ring: unknown[][]) => ({ type: "Polygon", coordinates: [ring] });

describe("geometryProblems", () => {
  it("accepts a closed ring and a MultiPolygon", () => {
    expect(geometryProblems(poly([[0, 0], [1, 0], [1, 1], [0, 0]]))).toEqual([]);
    expect(geometryProblems({ type: "MultiPolygon", coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] })).toEqual([]);
  });
  it("names each fault: open ring, too few points, zero area, a bow tie, bad numbers, wrong type", () => {
    expect(geometryProblems(poly([[0, 0], [1, 0], [1, 1], [0, 1]]))[0]).toMatch(/tidak tertutup/);
    expect(geometryProblems(poly([[0, 0], [1, 0], [0, 0]]))[0]).toMatch(/kurang dari 4 titik/);
    expect(geometryProblems(poly([[0, 0], [1, 0], [2, 0], [0, 0]]))[0]).toMatch(/luasnya nol/);
    expect(geometryProblems(poly([[0, 0], [2, 2], [2, 0], [0, 1], [0, 0]]))[0]).toMatch(/memotong dirinya/);
    expect(geometryProblems(poly([[0, 0], [1, "x"], [1, 1], [0, 0]]))[0]).toMatch(/koordinat tidak sah/);
    expect(geometryProblems({ type: "Point", coordinates: [0, 0] })[0]).toMatch(/bukan Polygon/);
    expect(geometryProblems(null)[0]).toMatch(/bukan Polygon/);
  });
});

describe("insideBox", () => {
  it("accepts a shape inside its kabupaten's box (with a small margin) and refuses one outside", () => {
    const g = { type: "Polygon" as const, coordinates: [[[106, -6], [106.1, -6], [106.1, -6.1], [106, -6]]] };
    expect(insideBox(g, [105.995, -6.2, 106.2, -5.9])).toBe(true);
    expect(insideBox(g, [106.05, -6.2, 106.2, -5.9])).toBe(false);
  });
});
