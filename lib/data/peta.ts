import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db/pool";
import { BoundedCache } from "@/lib/geo/cache";
import { GEO_DATA_DIR, geoFile } from "@/lib/geo/files";
import { projectShapes, type Projected } from "@/lib/geo/project";
import { topologyShapes, type Shape } from "@/lib/geo/topology";
import type { Indikator } from "@/lib/spm/catalog";
import type { Peta, PetaLevel, PetaRow, PetaUnit } from "@/lib/geo/peta";
import type { ReportModel } from "@/lib/report/rows";
import { childFigures } from "./figures";
import { getWilayah, type WilayahNode } from "./wilayah";

// The map of a dashboard: the shapes of the units one level down (lib/geo/data, built by `npm run geo:build`,
// plus desa imported with `import-batas` into batas_desa), projected once per file and kept in a bounded
// cache of this server process, and each unit's class for the chosen indicator taken from the same figures
// as the heatmap (the dashboard's child rows; at a kabupaten, whose rows are puskesmas, the same
// `childFigures` grouped by kecamatan or desa).

/** Parsed and projected geometry per (file, fitted units, imported boundaries' version). */
const projected = new BoundedCache<Projected>(128);
const shapesOfFile = new BoundedCache<Shape[]>(64);

function fileShapes(file: string): Shape[] {
  const hit = shapesOfFile.get(file);
  if (hit) return hit;
  let shapes: Shape[] = [];
  try {
    shapes = topologyShapes(JSON.parse(fs.readFileSync(path.join(GEO_DATA_DIR, file), "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error; // no file: no shapes for that parent
  }
  shapesOfFile.set(file, shapes);
  return shapes;
}

/** Imported desa shapes of a kabupaten (or of one kecamatan): their version, and a loader. */
async function importedDesa(kabupatenKode: string, kecamatanKode: string | null) {
  const db = await pool();
  const like = kecamatanKode ? `${kecamatanKode}.%` : "%";
  const { rows } = await db.query<{ n: string; t: Date | null }>(
    `SELECT count(*) n, max(updated_at) t FROM batas_desa WHERE kabupaten_kode = $1 AND desa_kode LIKE $2`, [kabupatenKode, like]);
  const stamp = Number(rows[0].n) === 0 ? "" : `${rows[0].n}@${rows[0].t?.getTime()}`;
  const load = async (): Promise<Shape[]> => {
    if (!stamp) return [];
    const r = await db.query<{ kode: string; g: Shape["geometry"] }>(
      `SELECT desa_kode kode, geometri g FROM batas_desa WHERE kabupaten_kode = $1 AND desa_kode LIKE $2`, [kabupatenKode, like]);
    return r.rows.map((x) => ({ kode: x.kode, geometry: x.g }));
  };
  return { stamp, load };
}

async function projectedFor(level: PetaLevel, parent: string, fitTo: readonly string[], subsetKey: string): Promise<Projected> {
  const file = geoFile(level, parent);
  const imported = level === "desa" ? await importedDesa(parent.slice(0, 5), parent.length === 8 ? parent : null) : null;
  const key = `${file}|${subsetKey}|${imported?.stamp ?? ""}`;
  const hit = projected.get(key);
  if (hit) return hit;
  let shapes = fileShapes(file);
  if (imported?.stamp) {
    const extra = await imported.load();
    const replaced = new Set(extra.map((s) => s.kode));
    shapes = [...shapes.filter((s) => !replaced.has(s.kode)), ...extra];
  }
  const result = projectShapes(shapes, subsetKey ? new Set(fitTo) : undefined);
  projected.set(key, result);
  return result;
}

async function hasDesaShapes(kabupatenKode: string): Promise<boolean> {
  if (fileShapes(geoFile("desa", kabupatenKode)).length > 0) return true;
  return (await importedDesa(kabupatenKode, null)).stamp !== "";
}

/** Names of the desa of some kecamatan that a puskesmas does not serve (its map's neighbours). */
async function neighbourDesa(kecamatan: string[], exclude: ReadonlySet<string>): Promise<{ kode: string; nama: string }[]> {
  const { rows } = await (await pool()).query<{ kode: string; nama: string }>(
    `SELECT kode, nama FROM desa WHERE kecamatan_kode = ANY($1) ORDER BY kode`, [kecamatan]);
  return rows.filter((r) => !exclude.has(r.kode));
}

/**
 * The map of a dashboard for one indicator. `rows`: the dashboard's child rows (the heatmap's figures);
 * `desa`: at a kabupaten, desa instead of kecamatan. null for a desa (no unit below it).
 */
export async function loadPeta(
  actor: Actor, node: WilayahNode, ind: Indikator, rows: readonly PetaRow[], tahun: number, bulan: number, opts: { desa?: boolean } = {},
): Promise<Peta | null> {
  let level: PetaLevel;
  let units: readonly PetaRow[] = rows;
  let parent = node.kode;
  let kecamatanOfPuskesmas: string[] = [];
  let adaPetaDesa = false;
  switch (node.tingkat) {
    case "nasional":
      level = "provinsi";
      break;
    case "provinsi":
      level = "kabupaten";
      break;
    case "kabupaten":
      adaPetaDesa = await hasDesaShapes(node.kode);
      level = opts.desa && adaPetaDesa ? "desa" : "kecamatan";
      // The dashboard's rows are puskesmas; the map's units are kecamatan (or desa), same figures grouped so.
      units = await childFigures(actor, node.kode, tahun, bulan, level, { indikator: [ind] });
      break;
    case "kecamatan":
      level = "desa";
      break;
    case "puskesmas": {
      level = "desa";
      kecamatanOfPuskesmas = [...new Set(rows.map((r) => r.kode.slice(0, 8)))];
      parent = rows[0]?.kode.slice(0, 5) ?? "";
      break;
    }
    default:
      return null;
  }
  if (units.length === 0) return null;
  const fitTo = units.map((u) => u.kode);
  const geo = await projectedFor(level, parent, fitTo, node.tingkat === "puskesmas" ? node.kode : "");
  // A puskesmas map also draws the other desa of its kecamatan (when there are shapes to draw).
  const neighbours = kecamatanOfPuskesmas.length && geo.paths.size > 0 ? await neighbourDesa(kecamatanOfPuskesmas, new Set(units.map((u) => u.kode))) : [];
  const out: PetaUnit[] = [];
  const tanpaBatas: Peta["tanpaBatas"] = [];
  for (const u of units) {
    const d = geo.paths.get(u.kode);
    if (!d) {
      tanpaBatas.push({ kode: u.kode, nama: u.nama });
      continue;
    }
    const f = u.figures.find((x) => x.indikator === ind.kode)!; // every row carries every indicator it was asked for
    out.push({ kode: u.kode, nama: u.nama, tingkat: u.tingkat, d, kelas: f.kelas, capaian: f.capaian });
  }
  for (const n of neighbours) {
    const d = geo.paths.get(n.kode);
    if (d) out.push({ kode: n.kode, nama: n.nama, tingkat: "desa", d, kelas: null, capaian: null });
  }
  return { level, width: geo.width, height: geo.height, units: out, tanpaBatas, adaPetaDesa };
}

/**
 * The map page of a PDF report: the chosen indicator (as the report's bar chart picks it) over the report's
 * first level of rows (their classes are the report's); at a kabupaten, kecamatan as on its dashboard.
 */
export async function petaLaporan(actor: Actor, model: ReportModel, grafik: string | undefined): Promise<{ peta: Peta; ind: Indikator } | null> {
  const level = model.levels[0];
  if (!level) return null;
  const i = Math.max(0, model.indikator.findIndex((ind) => ind.kode === grafik && ind.jenis !== "jumlah"));
  const ind = model.indikator[i];
  const rows: PetaRow[] = level.rows.map((r) => ({ kode: r.kode, nama: r.nama, tingkat: r.tingkat, figures: [{ indikator: ind.kode, kelas: r.cells[i].kelas, capaian: r.cells[i].capaian }] }));
  const peta = await loadPeta(actor, await getWilayah(actor, model.wilayah.kode), ind, rows, model.tahun, model.bulan);
  return peta && { peta, ind };
}

/** For the benchmark: forget the parsed and projected geometry (a cold start). */
export function clearPetaCache(): void {
  projected.clear();
  shapesOfFile.clear();
}
