import { describe, expect, it } from "vitest";
import { importBatas } from "@/lib/data/import-batas";
import { loadPeta } from "@/lib/data/peta";
import { childFigures } from "@/lib/data/figures";
import { getWilayah } from "@/lib/data/wilayah";
import { pool } from "@/lib/db/pool";
import { getIndikator } from "@/lib/spm/catalog";
import { ADMIN } from "./helpers";

// Desa boundaries of Kota Denpasar (51.71; no other test uses it, no shipped desa file covers it): box
// 115.17..115.27 E, 8.75..8.59 S (lib/geo/data/index.json).
const square = (x: number, y: number, s = 0.01) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
const feature = (kode: string, coordinates: unknown, type = "Polygon") => ({ type: "Feature", properties: { kode }, geometry: { type, coordinates } });
const file = (...features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });

async function stored(): Promise<Map<string, string>> {
  const { rows } = await (await pool()).query<{ desa_kode: string; g: string }>(`SELECT desa_kode, geometri::text g FROM batas_desa WHERE kabupaten_kode = '51.71' ORDER BY desa_kode`);
  return new Map(rows.map((r) => [r.desa_kode, r.g]));
}

describe("import-batas", () => {
  it("lists every error of a bad file and writes nothing, not even its valid features", async () => {
    const r = await importBatas(ADMIN, file(
      feature("51.71.01.1001", square(115.2, -8.7)), // valid
      feature("51.71.01.9999", square(115.21, -8.7)), // not in the tree
      feature("51.71.01", square(115.22, -8.7)), // a kecamatan code
      feature("51.71.01.1002", square(110.0, -7.0)), // outside Denpasar's box
      feature("51.71.01.1003", [[[115.2, -8.7], [115.21, -8.7], [115.21, -8.69], [115.2, -8.69]]]), // open ring
      feature("51.71.01.1001", square(115.23, -8.7)), // twice in the file
      feature("51.71.01.1004", [[[115.2, -8.7], [115.22, -8.68], [115.22, -8.7], [115.2, -8.69], [115.2, -8.7]]]), // crosses itself
    ));
    expect(r.berubah).toBe(0);
    expect(r.errors).toEqual([
      "Fitur 2 (51.71.01.9999): kode tidak ada di pohon wilayah",
      "Fitur 3 (51.71.01): kode bukan kode desa/kelurahan (contoh 36.04.30.2001)",
      "Fitur 4 (51.71.01.1002): geometri di luar kotak batas kabupaten 51.71",
      "Fitur 5 (51.71.01.1003): poligon 1 cincin 1: tidak tertutup (titik awal ≠ titik akhir)",
      "Fitur 6 (51.71.01.1001): kode muncul lebih dari sekali dalam berkas",
      "Fitur 7 (51.71.01.1004): poligon 1 cincin 1: memotong dirinya sendiri",
    ]);
    expect((await stored()).size).toBe(0);
    expect((await importBatas(ADMIN, "INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES ('51.71.01.1001','x',1,2,'[[[")).errors).toHaveLength(1);
  });

  it("imports a valid file, a second import changes nothing, a changed desa changes one row", async () => {
    const good = file(
      feature("51.71.01.1001", square(115.2, -8.7)),
      feature("51.71.01.1002", square(115.21, -8.7)), // shares a border with 1001
      feature("51.71.01.1003", [square(115.2, -8.72), square(115.22, -8.72)], "MultiPolygon"),
    );
    expect(await importBatas(ADMIN, good)).toEqual({ errors: [], jumlah: 3, berubah: 3 });
    const first = await stored();
    expect([...first.keys()]).toEqual(["51.71.01.1001", "51.71.01.1002", "51.71.01.1003"]);
    expect(await importBatas(ADMIN, good)).toEqual({ errors: [], jumlah: 3, berubah: 0 });
    expect(await stored()).toEqual(first);
    const moved = file(feature("51.71.01.1001", square(115.2, -8.7)), feature("51.71.01.1002", square(115.21, -8.7, 0.02)));
    expect(await importBatas(ADMIN, moved)).toEqual({ errors: [], jumlah: 2, berubah: 1 });
    const { rows } = await (await pool()).query(`SELECT aksi, kunci FROM audit_log WHERE entitas = 'batas_desa' ORDER BY id`);
    expect(rows.map((r) => `${r.aksi} ${r.kunci}`)).toEqual(["tambah 51.71.01.1001", "tambah 51.71.01.1002", "tambah 51.71.01.1003", "ubah 51.71.01.1002"]);
  });

  it("the kecamatan map draws the imported desa and names the others as without a shape", async () => {
    const node = await getWilayah(ADMIN, "51.71.01");
    const ind = getIndikator("SPM-01")!;
    const rows = (await childFigures(ADMIN, node.kode, 2026, 6)).map((r) => ({ ...r, lalu: null, kelengkapan: null, ketepatan: null }));
    const peta = (await loadPeta(ADMIN, node, ind, rows, 2026, 6))!;
    expect(peta.level).toBe("desa");
    expect(peta.units.map((u) => u.kode).sort()).toEqual(["51.71.01.1001", "51.71.01.1002", "51.71.01.1003"]);
    expect(peta.units.every((u) => u.d.startsWith("M") && u.kelas === rows.find((r) => r.kode === u.kode)!.figures.find((f) => f.indikator === "SPM-01")!.kelas)).toBe(true);
    expect(peta.tanpaBatas.map((u) => u.kode)).toEqual(rows.map((r) => r.kode).filter((k) => !["51.71.01.1001", "51.71.01.1002", "51.71.01.1003"].includes(k)));
    expect(peta.tanpaBatas.length).toBeGreaterThan(0);
  });
});
