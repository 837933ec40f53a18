import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWilayah } from "@/lib/db/wilayah-source";
import { GEO_DATA_DIR, geoFile, type GeoIndex } from "@/lib/geo/files";
import { topologyShapes } from "@/lib/geo/topology";

// The committed boundary files (npm run geo:build) against the wilayah tree of idn-area-data.
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(GEO_DATA_DIR, file), "utf8"));
const codesIn = (dir: string) =>
  fs.readdirSync(path.join(GEO_DATA_DIR, dir)).flatMap((f) => topologyShapes(read(`${dir}/${f}`)).map((s) => s.kode));
const DEMO_KABUPATEN = ["17.02", "17.07", "36.04", "81.02"];

describe("lib/geo/data", () => {
  const tree = readWilayah();
  const index: GeoIndex = read("index.json");

  it("has a shape for each of the 38 provinsi, 514 kabupaten/kota, 7,285 kecamatan and the 777 demo desa", () => {
    const provinsi = topologyShapes(read("nasional.json")).map((s) => s.kode);
    const kabupaten = codesIn("provinsi");
    const kecamatan = codesIn("kabupaten");
    const desa = DEMO_KABUPATEN.flatMap((k) => topologyShapes(read(geoFile("desa", k))).map((s) => s.kode));
    expect([provinsi.length, new Set(kabupaten).size, new Set(kecamatan).size, new Set(desa).size]).toEqual([38, 514, 7285, 777]);
    expect(index.jumlah).toEqual({ provinsi: 38, kabupaten: 514, kecamatan: 7285, desa: 777 });
    // Every code of the tree has a shape or is listed as missing.
    for (const [level, codes] of [["provinsi", provinsi], ["kabupaten", kabupaten], ["kecamatan", kecamatan]] as const) {
      const have = new Set(codes);
      expect(tree[level].filter((r) => !have.has(r.kode)).map((r) => r.kode)).toEqual(index.tanpaBatas[level]);
    }
    const demoDesa = tree.desa.filter((r) => DEMO_KABUPATEN.includes(r.kode.slice(0, 5)));
    expect(demoDesa.length).toBe(777);
    expect(demoDesa.filter((r) => !desa.includes(r.kode)).map((r) => r.kode)).toEqual(index.tanpaBatas.desa);
  });

  it("each kecamatan's own desa file holds exactly its desa", () => {
    const kec = "36.04.30";
    const inFile = topologyShapes(read(geoFile("desa", kec))).map((s) => s.kode).sort();
    expect(inFile).toEqual(tree.desa.filter((r) => r.induk === kec).map((r) => r.kode).sort());
  });

  it("stays within budget: provinsi + kabupaten + kecamatan ≤ 8 MB, any one page's file ≤ 150 KB", () => {
    const sizes: [string, number][] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(GEO_DATA_DIR, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) walk(rel);
        else if (e.name.endsWith(".json") && e.name !== "index.json") sizes.push([rel, fs.statSync(path.join(GEO_DATA_DIR, rel)).size]);
      }
    };
    walk(".");
    const national = sizes.filter(([f]) => !f.startsWith("desa/")).reduce((a, [, s]) => a + s, 0);
    expect(national).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(sizes.filter(([, s]) => s > 150 * 1024)).toEqual([]);
  });

  it("carries the source's licence and notice", () => {
    expect(fs.readFileSync(path.join(GEO_DATA_DIR, "LICENSE"), "utf8")).toMatch(/MIT License[\s\S]*Cahya DSN/);
    expect(fs.readFileSync(path.join(GEO_DATA_DIR, "NOTICE"), "utf8")).toMatch(/cahyadsn\/wilayah_boundaries/);
  });
});
