// `npm run geo:build [-- SOURCE_DIR]`: converts the boundary files of ../shared/geo (cahyadsn/wilayah_boundaries,
// MIT) into the small TopoJSON files the maps draw, in lib/geo/data/ (committed). Reproducible: same source,
// same output. Topology first (topojson-server: neighbours share one arc), then Visvalingam simplification on
// that topology (topojson-simplify: a shared border is simplified once, so neighbours keep it in common),
// then quantization (topojson-client). One file per parent, so one page reads one small file:
//   nasional.json            the 38 provinsi
//   provinsi/<36>.json       the kabupaten/kota of a provinsi
//   kabupaten/<36.04>.json   the kecamatan of a kabupaten
//   desa/<36.04>.json        the desa of a kabupaten (only where the source has them)
//   desa/<36.04.30>.json     the same desa per kecamatan, at the kecamatan's detail
//   index.json               counts, codes without a shape, bounding box of every kabupaten
import fs from "node:fs";
import path from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import { topology } from "topojson-server";
import type { Objects, Topology } from "topojson-specification";
import { presimplify, simplify } from "topojson-simplify";
import { quantize } from "topojson-client";
import { readWilayah } from "@/lib/db/wilayah-source";
import { GEO_DATA_DIR, type GeoIndex } from "@/lib/geo/files";
import { bboxOf } from "@/lib/geo/bbox";
import { parseBatasSql, type BatasRow } from "@/lib/geo/source";

const source = path.resolve(process.argv[2] ?? process.env.PANTAU_GEO_SOURCE ?? path.join(process.cwd(), "..", "shared", "geo"));
const out = GEO_DATA_DIR;

/** Points closer than this share of the map's larger side disappear (an 800 px wide map: ~1 px²). */
const DETAIL = 1 / 800;
/** The desa of a whole kabupaten (hundreds of small units on one map) are drawn coarser. */
const DESA_KABUPATEN_DETAIL = 1 / 400;
const QUANTIZATION = 1e4;
/** Islands smaller than this many squared DETAIL units are dropped (a unit keeps its largest polygon). */
const ISLAND = 4;

function readLevel(dir: string): BatasRow[] {
  const folder = path.join(source, dir);
  return fs.readdirSync(folder).filter((f) => f.endsWith(".sql")).sort().flatMap((f) => parseBatasSql(fs.readFileSync(path.join(folder, f), "utf8")));
}

/** A simplified, quantized topology of `rows` with one object `units` (feature id = kode; names come from the wilayah tree). */
export function buildTopology(rows: BatasRow[], detail = DETAIL) {
  const [x0, y0, x1, y1] = bboxOf(rows.map((r) => r.geometry));
  const side = Math.max(x1 - x0, y1 - y0) * detail;
  const fc: FeatureCollection<Polygon | MultiPolygon> = {
    type: "FeatureCollection",
    features: rows.map((r): Feature<Polygon | MultiPolygon> => ({ type: "Feature", id: r.kode, properties: null, geometry: dropSpecks(r.geometry, ISLAND * side * side) })),
  };
  // as: the features carry no properties (null), which the simplify typings do not admit.
  const topo = presimplify(topology({ units: fc }) as unknown as Topology<Objects<Record<string, never>>>);
  return quantize(simplify(topo, side * side), QUANTIZATION);
}

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

function write(file: string, data: unknown): number {
  const full = path.join(out, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  const text = JSON.stringify(data);
  fs.writeFileSync(full, text + "\n");
  return text.length + 1;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(it);
  }
  return m;
}

function main() {
  if (!fs.existsSync(source)) {
    console.error(`Folder sumber batas wilayah tidak ada: ${source}`);
    process.exit(2);
  }
  const tree = readWilayah();
  const levels = { provinsi: readLevel("prov"), kabupaten: readLevel("kab"), kecamatan: readLevel("kec"), desa: readLevel("desa") };
  const index: GeoIndex = { sumber: "cahyadsn/wilayah_boundaries 3c5a796 (MIT, (c) Cahya DSN)", jumlah: { provinsi: 0, kabupaten: 0, kecamatan: 0, desa: 0 }, tanpaBatas: { provinsi: [], kabupaten: [], kecamatan: [], desa: [] }, kabupatenBbox: {}, desaKabupaten: [] };
  fs.rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const level of ["provinsi", "kabupaten", "kecamatan", "desa"] as const) {
    const known = new Set(tree[level].map((r) => r.kode));
    const rows = levels[level].filter((r) => known.has(r.kode));
    const unknown = levels[level].filter((r) => !known.has(r.kode)).map((r) => r.kode);
    if (unknown.length) console.warn(`${level}: ${unknown.length} kode di sumber tidak ada di pohon wilayah, dilewati: ${unknown.slice(0, 10).join(", ")}`);
    const have = new Set(rows.map((r) => r.kode));
    index.jumlah[level] = have.size;
    // Desa: only the kabupaten the source covers are expected (others are imported with import-batas).
    const desaKab = new Set(rows.map((r) => r.kode.slice(0, 5)));
    index.tanpaBatas[level] = tree[level].filter((r) => !have.has(r.kode) && (level !== "desa" || desaKab.has(r.kode.slice(0, 5)))).map((r) => r.kode);
    if (level === "provinsi") bytes += write("nasional.json", buildTopology(rows));
    else {
      const parentLen = level === "kabupaten" ? 2 : 5;
      const folder = level === "kabupaten" ? "provinsi" : level === "kecamatan" ? "kabupaten" : "desa";
      for (const [parent, group] of groupBy(rows, (r) => r.kode.slice(0, parentLen))) bytes += write(`${folder}/${parent}.json`, buildTopology(group, level === "desa" ? DESA_KABUPATEN_DETAIL : DETAIL));
      // Desa also per kecamatan: a kecamatan's map is drawn from its own file, at its own detail.
      if (level === "desa") for (const [parent, group] of groupBy(rows, (r) => r.kode.slice(0, 8))) bytes += write(`desa/${parent}.json`, buildTopology(group));
      if (level === "kabupaten") for (const r of rows) index.kabupatenBbox[r.kode] = bboxOf([r.geometry]).map((v) => Math.round(v * 1e5) / 1e5) as [number, number, number, number];
      if (level === "desa") index.desaKabupaten = [...desaKab].sort();
    }
    console.log(`${level}: ${have.size} dengan batas, ${index.tanpaBatas[level].length} tanpa batas`);
  }
  bytes += write("index.json", index);
  fs.copyFileSync(path.join(source, "LICENSE"), path.join(out, "LICENSE"));
  console.log(`Ditulis ke ${path.relative(process.cwd(), out)}: ${(bytes / 1e6).toFixed(2)} MB`);
}

main();
