import type { Tingkat } from "@/lib/wilayah/kode";

/** The column of the fact tables (nilai, laporan, sasaran) that holds a unit's code at each level. */
export const LEVEL_COLUMN: Record<Exclude<Tingkat, "nasional">, string> = {
  provinsi: "provinsi_kode",
  kabupaten: "kabupaten_kode",
  kecamatan: "kecamatan_kode",
  puskesmas: "puskesmas_kode",
  desa: "desa_kode",
};
