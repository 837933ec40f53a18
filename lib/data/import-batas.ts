import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { MultiPolygon, Polygon } from "geojson";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/permissions";
import { pool } from "@/lib/db/pool";
import { GEO_DATA_DIR, type GeoIndex } from "@/lib/geo/files";
import { parseBatasInput, SourceSyntaxError } from "@/lib/geo/source";
import { buildTopology, roundShape, topologyShapes } from "@/lib/geo/topology";
import { geometryProblems, insideBox } from "@/lib/geo/validate";
import { BATAS } from "@/lib/i18n/batas";
import { tingkatOf } from "@/lib/wilayah/kode";
import { inTransaction } from "./transaction";

// `import-batas FILE`: desa boundaries (the source's SQL or GeoJSON) into batas_desa, where the maps read
// them. Every feature is checked (a desa of the tree, a valid polygon, inside its kabupaten's box); one error
// and nothing is written, every error listed. What is stored is the file's shapes simplified together
// (neighbours keep their shared borders) and rounded: the same file gives the same rows, so a re-import
// changes nothing.

export interface BatasImportResult {
  errors: string[];
  /** Features in the file. */
  jumlah: number;
  /** Desa whose stored boundary was added or changed. */
  berubah: number;
}

/** Finer than a kabupaten map needs, so that a kecamatan's map drawn from it still looks right. */
const IMPORT_DETAIL = 1 / 3000;

function kabupatenBoxes(): GeoIndex["kabupatenBbox"] {
  const index = JSON.parse(fs.readFileSync(path.join(GEO_DATA_DIR, "index.json"), "utf8")) as GeoIndex; // as: written by geo:build
  return index.kabupatenBbox;
}

export async function importBatas(actor: Actor, text: string): Promise<BatasImportResult> {
  requirePermission(actor, "import.jalankan");
  let inputs;
  try {
    inputs = parseBatasInput(text);
  } catch (error) {
    if (error instanceof SourceSyntaxError) return { errors: [error.message], jumlah: 0, berubah: 0 };
    throw error;
  }
  const errors: string[] = [];
  if (inputs.length === 0) errors.push(BATAS.kosong);
  const db = await pool();
  const known = new Map(
    (await db.query<{ kode: string; kabupaten_kode: string }>(`SELECT kode, kabupaten_kode FROM desa WHERE kode = ANY($1)`, [inputs.map((i) => i.kode)])).rows.map((r) => [r.kode, r.kabupaten_kode]),
  );
  const boxes = kabupatenBoxes();
  const seen = new Set<string>();
  inputs.forEach((f, i) => {
    const at = BATAS.fitur(i + 1, f.kode);
    if (tingkatOf(f.kode) !== "desa") return void errors.push(`${at}: ${BATAS.bukanKodeDesa}`);
    if (seen.has(f.kode)) errors.push(`${at}: ${BATAS.ganda}`);
    seen.add(f.kode);
    const kab = known.get(f.kode);
    if (!kab) errors.push(`${at}: ${BATAS.tidakAda}`);
    const problems = geometryProblems(f.geometry);
    for (const p of problems) errors.push(`${at}: ${p}`);
    const box = kab ? boxes[kab] : undefined;
    // as: geometryProblems found it a well-formed Polygon/MultiPolygon
    if (kab && problems.length === 0 && box && !insideBox(f.geometry as Polygon | MultiPolygon, box)) errors.push(`${at}: ${BATAS.diLuarKabupaten(kab)}`);
  });
  if (errors.length > 0) return { errors, jumlah: inputs.length, berubah: 0 };
  // as: every geometry passed geometryProblems
  const shapes = topologyShapes(buildTopology(inputs.map((f) => ({ kode: f.kode, geometry: f.geometry as Polygon | MultiPolygon })), IMPORT_DETAIL));
  const rows = shapes.map((s) => ({ kode: s.kode, kab: known.get(s.kode)!, g: JSON.stringify(roundShape(s.geometry)) }));
  const berubah = await inTransaction(async (client) => {
    const r = await client.query<{ desa_kode: string; baru: boolean }>(
      `INSERT INTO batas_desa (desa_kode, kabupaten_kode, geometri, updated_at, updated_by)
       SELECT x.kode, x.kab, x.g::jsonb, now(), $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS x(kode, kab, g)
       ON CONFLICT (desa_kode) DO UPDATE SET geometri = EXCLUDED.geometri, kabupaten_kode = EXCLUDED.kabupaten_kode,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       WHERE batas_desa.geometri IS DISTINCT FROM EXCLUDED.geometri
       RETURNING desa_kode, (xmax = 0) AS baru`,
      [rows.map((r) => r.kode), rows.map((r) => r.kab), rows.map((r) => r.g), actor.email],
    );
    await client.query(
      `INSERT INTO audit_log (user_id, user_email, aksi, entitas, kunci, sumber)
       SELECT $1, $2, CASE WHEN x.baru THEN 'tambah' ELSE 'ubah' END, 'batas_desa', x.kode, 'import-batas'
       FROM unnest($3::text[], $4::boolean[]) AS x(kode, baru)`,
      [actor.id, actor.email, r.rows.map((x) => x.desa_kode), r.rows.map((x) => x.baru)],
    );
    return r.rowCount ?? 0;
  });
  return { errors: [], jumlah: inputs.length, berubah };
}
