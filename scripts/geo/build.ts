// `npm run geo:build [-- SOURCE_DIR]`: converts the boundary files of ../shared/geo (cahyadsn/wilayah_boundaries,
// MIT) into the small TopoJSON files the maps draw, in lib/geo/data/ (committed). Reproducible: same source,
// same output (lib/geo/topology.ts: topology, topology-preserving simplification, quantization). One file per
// parent, so one page reads one small file:
//   nasional.json            the 38 provinsi
//   provinsi/<36>.json       the kabupaten/kota of a provinsi
//   kabupaten/<36.04>.json   the kecamatan of a kabupaten
//   desa/<36.04>.json        the desa of a kabupaten (only where the source has them)
//   desa/<36.04.30>.json     the same desa per kecamatan, at the kecamatan's detail
//   index.json               counts, codes without a shape, bounding box of every kabupaten
import fs from "node:fs";
import path from "node:path";
import { readWilayah } from "@/lib/db/wilayah-source";
import { GEO_DATA_DIR, type GeoIndex } from "@/lib/geo/files";
import { bboxOf } from "@/lib/geo/bbox";
import { parseBatasSql, type BatasRow } from "@/lib/geo/source";
import { buildTopology, DETAIL } from "@/lib/geo/topology";

const source = path.resolve(process.argv[2] ?? process.env.PANTAU_GEO_SOURCE ?? path.join(process.cwd(), "..", "shared", "geo"));
const out = GEO_DATA_DIR;

const NOTICE = `The boundary files in this folder (nasional.json, provinsi/, kabupaten/, desa/, index.json) are derived
(converted to TopoJSON, simplified, quantized by scripts/geo/build.ts) from the public repository
cahyadsn/wilayah_boundaries, commit 3c5a796 (2026-08-20; boundaries per Kepmendagri No 300.2.2-2430
Tahun 2025), Copyright (c) 2024 Cahya DSN, licensed under the MIT License reproduced in LICENSE here.
`;

/** The desa of a whole kabupaten (hundreds of small units on one map) are drawn coarser. */
const DESA_KABUPATEN_DETAIL = 1 / 400;

function readLevel(dir: string): BatasRow[] {
  const folder = path.join(source, dir);
  return fs.readdirSync(folder).filter((f) => f.endsWith(".sql")).sort().flatMap((f) => parseBatasSql(fs.readFileSync(path.join(folder, f), "utf8")));
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
      // as: map keeps the four entries of the box.
      if (level === "kabupaten") for (const r of rows) index.kabupatenBbox[r.kode] = bboxOf([r.geometry]).map((v) => Math.round(v * 1e5) / 1e5) as [number, number, number, number];
      if (level === "desa") index.desaKabupaten = [...desaKab].sort();
    }
    console.log(`${level}: ${have.size} dengan batas, ${index.tanpaBatas[level].length} tanpa batas`);
  }
  bytes += write("index.json", index);
  fs.copyFileSync(path.join(source, "LICENSE"), path.join(out, "LICENSE"));
  fs.writeFileSync(path.join(out, "NOTICE"), NOTICE);
  console.log(`Ditulis ke ${path.relative(process.cwd(), out)}: ${(bytes / 1e6).toFixed(2)} MB`);
}

main();
