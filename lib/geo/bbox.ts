import type { MultiPolygon, Polygon } from "geojson";

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** The [lng, lat] bounding box of some polygons (planar: Indonesia never crosses the antimeridian). */
export function bboxOf(geometries: readonly (Polygon | MultiPolygon)[]): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) {
    const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const poly of polys) for (const ring of poly) for (const [x, y] of ring) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}
