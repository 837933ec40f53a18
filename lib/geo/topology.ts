import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { feature, quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryObject, Objects, Topology } from "topojson-specification";
import { bboxOf } from "./bbox";

// Boundaries to a small TopoJSON (scripts/geo/build.ts, lib/data/import-batas.ts) and back to shapes
// (lib/data/peta.ts). Topology first (topojson-server: neighbours share one arc), Visvalingam simplification on
// that topology (topojson-simplify: a shared border is simplified once, so neighbours keep it in common), then
// quantization (topojson-client). Pure.

export interface Shape {
  kode: string;
  /** GeoJSON, [lng, lat]. */
  geometry: Polygon | MultiPolygon;
}

/** Points that carry less than this share of the map's larger side disappear (800 px wide: ~1 px²). */
export const DETAIL = 1 / 800;
export const QUANTIZATION = 1e4;
/** Islands smaller than this many squared DETAIL units are dropped (a unit keeps its largest polygon). */
const ISLAND = 4;

/** Shoelace area of a ring, in square degrees (planar, enough to compare sizes). */
function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return Math.abs(a / 2);
}

/** Drops the islands of a MultiPolygon smaller than `minArea`, keeping at least its largest polygon. */
export function dropSpecks(g: Polygon | MultiPolygon, minArea: number): Polygon | MultiPolygon {
  if (g.type === "Polygon") return g;
  const sized = g.coordinates.map((p) => ({ p, a: ringArea(p[0]) }));
  const largest = Math.max(...sized.map((s) => s.a));
  return { type: "MultiPolygon", coordinates: sized.filter((s) => s.a >= minArea || s.a === largest).map((s) => s.p) };
}

/** A simplified, quantized topology of `shapes` with one object `units` (feature id = kode). */
export function buildTopology(shapes: readonly Shape[], detail = DETAIL, quantization = QUANTIZATION): Topology {
  const [x0, y0, x1, y1] = bboxOf(shapes.map((r) => r.geometry));
  const side = Math.max(x1 - x0, y1 - y0) * detail;
  const fc: FeatureCollection<Polygon | MultiPolygon> = {
    type: "FeatureCollection",
    features: shapes.map((r): Feature<Polygon | MultiPolygon> => ({ type: "Feature", id: r.kode, properties: null, geometry: dropSpecks(r.geometry, ISLAND * side * side) })),
  };
  // as: the features carry no properties (null), which the simplify typings do not admit.
  const topo = presimplify(topology({ units: fc }) as unknown as Topology<Objects<Record<string, never>>>);
  return quantize(simplify(topo, side * side), quantization);
}

/** The shapes of a topology's `units` object (an empty unit, if any, is left out). */
export function topologyShapes(topo: Topology): Shape[] {
  const units = topo.objects.units as GeometryObject & { geometries: GeometryObject[] };
  const out: Shape[] = [];
  for (const g of units.geometries) {
    // as: one geometry object (not a collection) gives one Feature.
    const f = feature(topo, g) as Feature;
    if (f.geometry && (f.geometry.type === "Polygon" || f.geometry.type === "MultiPolygon")) out.push({ kode: String(f.id), geometry: f.geometry });
  }
  return out;
}

/** A shape's coordinates rounded to `digits` decimals (5: about a metre), for storing. */
export function roundShape(g: Polygon | MultiPolygon, digits = 5): Polygon | MultiPolygon {
  const f = 10 ** digits;
  const ring = (r: Position[]) => r.map(([x, y]) => [Math.round(x * f) / f, Math.round(y * f) / f]);
  return g.type === "Polygon" ? { type: "Polygon", coordinates: g.coordinates.map(ring) } : { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map(ring)) };
}
