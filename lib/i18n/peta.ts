import type { KelasCapaian } from "@/lib/spm/kelas";
import { KELAS_TAMPILAN } from "./kelas";

// Words of the capaian maps (components/dashboard/peta-capaian.tsx, the PDF map page).

export const PETA_TINGKAT: Record<"provinsi" | "kabupaten" | "kecamatan" | "desa", string> = {
  provinsi: "provinsi",
  kabupaten: "kabupaten/kota",
  kecamatan: "kecamatan",
  desa: "desa/kelurahan",
};

/** The order of the legend (as LEGENDA_KELAS). */
export const URUTAN_LEGENDA: readonly KelasCapaian[] = ["tercapai", "di-bawah", "melebihi", "tanpa-data", "tanpa-sasaran"];

/** Fill of a map unit in the PDF: the class's cell fill (white without one), grey for a unit outside the map's unit. */
export function petaIsi(kelas: KelasCapaian | null): string {
  if (kelas === null) return "#94A3B8";
  const isi = KELAS_TAMPILAN[kelas].isi;
  return isi === null ? "#FFFFFF" : `#${isi}`;
}

export const PETA = {
  judul: (indikator: string, nama: string) => `Peta capaian ${indikator} · ${nama}`,
  ariaLabel: (indikator: string, nama: string, tingkat: string, wilayah: string, periode: string) =>
    `Peta capaian ${indikator} ${nama} per ${tingkat}, ${wilayah}, ${periode}`,
  /** The tooltip and accessible name of one unit: name and capaian (id-ID) with its class. */
  unit: (nama: string, capaian: string, kelas: KelasCapaian) => `${nama}: capaian ${capaian} (${KELAS_TAMPILAN[kelas].label.toLowerCase()})`,
  luar: (nama: string) => `${nama}: di luar wilayah dasbor ini`,
  legendaLuar: "Di luar wilayah dasbor ini (tanpa tautan)",
  tanpaBatas: "Tanpa batas wilayah di peta:",
  kosong: (tingkat: string) => `Batas ${tingkat} wilayah ini belum tersedia, jadi petanya belum dapat digambar. Admin dapat memuatnya dengan npm run cli -- import-batas.`,
  tampilkan: "Tampilkan per",
  sumber: "Batas wilayah: cahyadsn/wilayah_boundaries (MIT), Kepmendagri 300.2.2-2430/2025.",
} as const;
