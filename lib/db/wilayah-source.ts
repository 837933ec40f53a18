import fs from "node:fs";
import path from "node:path";
import { parseCsv } from "@/lib/import/csv";

// The national administrative tree from the npm package idn-area-data (Kemendagri codes, ODbL).

export interface WilayahRow {
  kode: string;
  induk: string;
  nama: string;
}

const DATA_DIR = path.join(process.cwd(), "node_modules", "idn-area-data", "data");

function read(file: string, hasParent: boolean): WilayahRow[] {
  const rows = parseCsv(fs.readFileSync(path.join(DATA_DIR, file), "utf8")).slice(1);
  return rows.map(({ fields }) =>
    hasParent ? { kode: fields[0], induk: fields[1], nama: fields[2] } : { kode: fields[0], induk: "", nama: fields[1] },
  );
}

export function readWilayah() {
  return {
    provinsi: read("provinces.csv", false),
    kabupaten: read("regencies.csv", true),
    kecamatan: read("districts.csv", true),
    desa: read("villages.csv", true),
  };
}

/** Demo and init convention: one puskesmas per kecamatan, code P + kecamatan digits + 01. */
export function defaultPuskesmasKode(kecamatanKode: string): string {
  return `P${kecamatanKode.replace(/\./g, "")}01`;
}

export function pustuKode(desaKode: string): string {
  return `PU${desaKode.replace(/\./g, "")}`;
}
