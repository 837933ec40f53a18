import { IMPORT_MSG } from "./import";

export const UNGGAH = {
  pilihBerkas: "Pilih berkas CSV atau XLSX terlebih dahulu.",
  terlaluBesar: "Berkas terlalu besar (maksimal 10 MB).",
  xlsxRusak: IMPORT_MSG.xlsx.rusak,
  adaKesalahan: (n: number) => `Ada ${n.toLocaleString("id-ID")} kesalahan. Tidak ada data yang disimpan; perbaiki berkas lalu unggah lagi.`,
  periksa: "Periksa ringkasan perubahan di bawah, lalu konfirmasi untuk menyimpan.",
  tersimpan: "Data tersimpan dan terkirim.",
  /** The preview names the delimiter read off the header line (lib/import/csv.ts detectDelimiter). */
  /** Reports the upload submits with empty indicators (they count as 0 on the dashboards). */
  tidakLengkap: (n: number, jumlah: number) =>
    `Perhatian: ${n.toLocaleString("id-ID")} laporan akan terkirim belum lengkap. Indikator yang tidak ada di berkas maupun di laporan tetap kosong (dihitung 0, "belum ada data") dari ${jumlah} indikator:`,
  laporanTidakLengkap: (desa: string, periode: string, terisi: number, jumlah: number) => `${desa} · ${periode}: ${terisi} dari ${jumlah} indikator terisi`,
  pemisahKolom: (pemisah: "," | ";" | "\t") => `Pemisah kolom: ${{ ",": "koma (,)", ";": "titik koma (;)", "\t": "tab" }[pemisah]}`,
} as const;
