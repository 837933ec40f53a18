import path from "node:path";

// Where the built boundary files live (scripts/geo/build.ts writes them, lib/data/peta.ts reads them) and
// the shape of their index.

export const GEO_DATA_DIR = path.join(process.cwd(), "lib", "geo", "data");

export interface GeoIndex {
  sumber: string;
  /** Units with a shape, per level. */
  jumlah: Record<"provinsi" | "kabupaten" | "kecamatan" | "desa", number>;
  /** Codes of the wilayah tree without a shape (desa: only of the kabupaten the source covers). */
  tanpaBatas: Record<"provinsi" | "kabupaten" | "kecamatan" | "desa", string[]>;
  /** [minLng, minLat, maxLng, maxLat] of every kabupaten/kota (import-batas checks desa against it). */
  kabupatenBbox: Record<string, [number, number, number, number]>;
  /** Kabupaten whose desa shapes ship in desa/<kode>.json. */
  desaKabupaten: string[];
}

/** The file holding the shapes of the children of a unit at `level`, relative to GEO_DATA_DIR. */
export function geoFile(level: "provinsi" | "kabupaten" | "kecamatan" | "desa", parentKode: string): string {
  switch (level) {
    case "provinsi":
      return "nasional.json";
    case "kabupaten":
      return `provinsi/${parentKode.slice(0, 2)}.json`;
    case "kecamatan":
      return `kabupaten/${parentKode.slice(0, 5)}.json`;
    case "desa":
      // A kecamatan's own file (finer); any other parent (kabupaten, puskesmas) reads its kabupaten's.
      return `desa/${parentKode.length === 8 ? parentKode : parentKode.slice(0, 5)}.json`;
  }
}
