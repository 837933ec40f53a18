import { geoIdentity, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { Shape } from "./topology";

// Shapes ([lng, lat]) to SVG paths fitted to a box. Planar (d3-geo's geoIdentity, y flipped): Indonesia lies
// within 11° of the equator, where degrees of longitude and latitude are nearly equal, and a planar
// projection ignores ring winding (the source's rings wind either way; the SVG fills with evenodd). Pure.

export const PETA_WIDTH = 800;
export const PETA_MAX_HEIGHT = 560;

export interface Projected {
  width: number;
  height: number;
  /** SVG path data per unit code. */
  paths: Map<string, string>;
}

const asFeature = (s: Shape): Feature<Polygon | MultiPolygon> => ({ type: "Feature", id: s.kode, properties: null, geometry: s.geometry });

/**
 * Paths of `shapes`, the box fitted to `fitTo` (codes; default all): `PETA_WIDTH` wide, as tall as the
 * area's proportions need up to `PETA_MAX_HEIGHT`. Shapes outside the fitted ones are drawn too (neighbours
 * for context) and may cross the edge.
 */
export function projectShapes(shapes: readonly Shape[], fitTo?: ReadonlySet<string>): Projected {
  const fit: FeatureCollection = { type: "FeatureCollection", features: shapes.filter((s) => !fitTo || fitTo.has(s.kode)).map(asFeature) };
  const projection = geoIdentity().reflectY(true);
  if (fit.features.length === 0) return { width: PETA_WIDTH, height: 0, paths: new Map() };
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(fit);
  const height = Math.max(1, Math.min(PETA_MAX_HEIGHT, Math.ceil((PETA_WIDTH * (y1 - y0)) / Math.max(x1 - x0, 1e-9))));
  projection.fitSize([PETA_WIDTH, height], fit);
  // Tenths of a pixel; whole pixels for maps of many small units (a kabupaten's desa), to keep the page small.
  const path = geoPath(projection).digits(shapes.length > 150 ? 0 : 1);
  const paths = new Map<string, string>();
  for (const s of shapes) {
    const d = path(asFeature(s));
    if (d) paths.set(s.kode, d);
  }
  return { width: PETA_WIDTH, height, paths };
}
