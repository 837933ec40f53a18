import type { MultiPolygon, Polygon, Position } from "geojson";
import type { Bbox } from "./bbox";
import { bboxOf } from "./bbox";

// Checks of one imported boundary (lib/data/import-batas.ts): a well-formed polygon without a crossing ring,
// inside its kabupaten's box. Pure; each problem is an Indonesian sentence.

const finite = (p: Position) => p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return a / 2;
}

/** Whether segments ab and cd cross properly (touching end points do not count). */
function cross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const o1 = o(a, b, c), o2 = o(a, b, d), o3 = o(c, d, a), o4 = o(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Whether a closed ring crosses itself (O(n²) with a box test per pair: desa rings are short). */
function selfCrossing(ring: Position[]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[i + 1];
    const [ax0, ax1] = a[0] < b[0] ? [a[0], b[0]] : [b[0], a[0]];
    const [ay0, ay1] = a[1] < b[1] ? [a[1], b[1]] : [b[1], a[1]];
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // first and last segments share the closing point
      const c = ring[j], d = ring[j + 1];
      if (Math.max(c[0], d[0]) < ax0 || Math.min(c[0], d[0]) > ax1 || Math.max(c[1], d[1]) < ay0 || Math.min(c[1], d[1]) > ay1) continue;
      if (cross(a, b, c, d)) return true;
    }
  }
  return false;
}

/** Problems of a geometry (empty: valid). Accepts anything: the input comes from a user's file. */
export function geometryProblems(g: unknown): string[] {
  const geo = g as { type?: unknown; coordinates?: unknown } | null; // as: inspected field by field below
  if (!geo || (geo.type !== "Polygon" && geo.type !== "MultiPolygon")) return ["geometri bukan Polygon atau MultiPolygon"];
  const polys = (geo.type === "Polygon" ? [geo.coordinates] : geo.coordinates) as unknown;
  if (!Array.isArray(polys) || polys.length === 0) return ["geometri kosong"];
  const problems: string[] = [];
  polys.forEach((poly: unknown, pi: number) => {
    if (!Array.isArray(poly) || poly.length === 0) return void problems.push(`poligon ${pi + 1} tanpa cincin`);
    poly.forEach((ring: unknown, ri: number) => {
      const where = `poligon ${pi + 1} cincin ${ri + 1}`;
      if (!Array.isArray(ring) || !ring.every((p) => Array.isArray(p) && finite(p as Position))) return void problems.push(`${where}: koordinat tidak sah`);
      const r = ring as Position[];
      if (r.length < 4) return void problems.push(`${where}: kurang dari 4 titik`);
      const [f, l] = [r[0], r[r.length - 1]];
      if (f[0] !== l[0] || f[1] !== l[1]) return void problems.push(`${where}: tidak tertutup (titik awal ≠ titik akhir)`);
      if (ringArea(r) === 0) return void problems.push(`${where}: luasnya nol`);
      if (selfCrossing(r)) problems.push(`${where}: memotong dirinya sendiri`);
    });
  });
  return problems;
}

/** Whether a geometry's box lies inside `box` widened by `margin` degrees. */
export function insideBox(g: Polygon | MultiPolygon, box: Bbox, margin = 0.01): boolean {
  const [x0, y0, x1, y1] = bboxOf([g]);
  return x0 >= box[0] - margin && y0 >= box[1] - margin && x1 <= box[2] + margin && y1 <= box[3] + margin;
}
