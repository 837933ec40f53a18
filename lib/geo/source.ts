import type { MultiPolygon, Polygon, Position } from "geojson";

// The boundary files of cahyadsn/wilayah_boundaries (../shared/geo, and the per-kabupaten desa files users
// bring): MySQL `INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES (...),(...);` statements,
// several per file, names with doubled apostrophes, `path` a JSON polygon in [lat, lng] order. Read as
// text, never executed. Pure: no I/O.

export interface BatasRow {
  kode: string;
  nama: string;
  /** GeoJSON geometry, [lng, lat] order. */
  geometry: Polygon | MultiPolygon;
}

export class SourceSyntaxError extends Error {}

const INSERT = /INSERT\s+INTO\s+`?\w+`?\s*\(([^)]*)\)\s*VALUES/gi;

/** Every row of every INSERT statement of a source file, in file order. Throws SourceSyntaxError. */
export function parseBatasSql(text: string): BatasRow[] {
  const rows: BatasRow[] = [];
  for (const m of text.matchAll(INSERT)) {
    const columns = m[1].split(",").map((c) => c.trim().replace(/`/g, "").toLowerCase());
    const at = (name: string) => {
      const i = columns.indexOf(name);
      if (i < 0) throw new SourceSyntaxError(`Kolom ${name} tidak ada pada INSERT.`);
      return i;
    };
    const [iKode, iNama, iPath] = [at("kode"), at("nama"), at("path")];
    let pos = m.index + m[0].length;
    for (;;) {
      const { values, end } = readTuple(text, pos);
      rows.push({ kode: values[iKode], nama: values[iNama], geometry: pathToGeometry(values[iPath], values[iKode]) });
      pos = skipSpace(text, end);
      if (text[pos] === ",") pos++;
      else if (text[pos] === ";" || pos >= text.length) break;
      else throw new SourceSyntaxError(`Tanda tak terduga "${text[pos]}" setelah baris ${values[iKode]}.`);
    }
  }
  return rows;
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos])) pos++;
  return pos;
}

/** One `( 'a', 'b''c', -6.1, 106.2, '[...]' )` tuple from `pos`: its values as text. */
function readTuple(text: string, pos: number): { values: string[]; end: number } {
  pos = skipSpace(text, pos);
  if (text[pos] !== "(") throw new SourceSyntaxError(`"(" diharapkan pada posisi ${pos}.`);
  pos++;
  const values: string[] = [];
  for (;;) {
    pos = skipSpace(text, pos);
    if (text[pos] === "'") {
      let out = "";
      pos++;
      for (;;) {
        const q = text.indexOf("'", pos);
        if (q < 0) throw new SourceSyntaxError("String tidak ditutup.");
        out += text.slice(pos, q);
        if (text[q + 1] === "'") {
          out += "'";
          pos = q + 2;
        } else {
          pos = q + 1;
          break;
        }
      }
      values.push(out.replace(/\\'/g, "'"));
    } else {
      const m = /^[^,)]+/.exec(text.slice(pos, pos + 64));
      if (!m) throw new SourceSyntaxError(`Nilai diharapkan pada posisi ${pos}.`);
      values.push(m[0].trim());
      pos += m[0].length;
    }
    pos = skipSpace(text, pos);
    if (text[pos] === ",") pos++;
    else if (text[pos] === ")") return { values, end: pos + 1 };
    else throw new SourceSyntaxError(`"," atau ")" diharapkan pada posisi ${pos}.`);
  }
}

/** Nesting depth of a JSON array of arrays of ... numbers (a point has depth 1). */
function depth(x: unknown): number {
  let d = 0;
  while (Array.isArray(x)) {
    d++;
    x = x[0];
  }
  return d;
}

const swapRing = (ring: number[][]): Position[] => ring.map(([lat, lng]) => [lng, lat]);

/** The source's `path` ([lat, lng], Polygon or MultiPolygon by depth) as GeoJSON ([lng, lat]). */
export function pathToGeometry(path: string, kode = ""): Polygon | MultiPolygon {
  let json: unknown;
  try {
    json = JSON.parse(path);
  } catch {
    throw new SourceSyntaxError(`Path ${kode} bukan JSON.`);
  }
  const d = depth(json);
  if (d === 4) return { type: "MultiPolygon", coordinates: (json as number[][][][]).map((poly) => poly.map(swapRing)) };
  if (d === 3) return { type: "Polygon", coordinates: (json as number[][][]).map(swapRing) };
  throw new SourceSyntaxError(`Path ${kode} bukan poligon (kedalaman ${d}).`);
}

/** One feature of an import file: its code and its geometry as found (checked later). */
export interface BatasInput {
  kode: string;
  geometry: unknown;
}

/**
 * The features of an import file: GeoJSON (a FeatureCollection or Feature whose `properties.kode` (or `id`)
 * is the desa code) when the text starts with `{`, else the source's SQL. Throws SourceSyntaxError.
 */
export function parseBatasInput(text: string): BatasInput[] {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (!body.startsWith("{")) return parseBatasSql(body).map((r) => ({ kode: r.kode, geometry: r.geometry }));
  let json: { type?: string; features?: unknown[] };
  try {
    json = JSON.parse(body);
  } catch {
    throw new SourceSyntaxError("Berkas GeoJSON bukan JSON yang sah.");
  }
  const features = json.type === "FeatureCollection" && Array.isArray(json.features) ? json.features : json.type === "Feature" ? [json] : null;
  if (!features) throw new SourceSyntaxError("GeoJSON harus berupa FeatureCollection atau Feature.");
  return features.map((f) => {
    const feat = f as { id?: unknown; properties?: { kode?: unknown } | null; geometry?: unknown }; // as: fields checked as used
    const kode = feat.properties?.kode ?? feat.id;
    return { kode: typeof kode === "string" ? kode : String(kode ?? ""), geometry: feat.geometry };
  });
}
