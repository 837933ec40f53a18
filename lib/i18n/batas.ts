// Messages of `npm run cli -- import-batas` (lib/data/import-batas.ts, scripts/cli/import-batas.ts).

export const BATAS = {
  summary: "Impor batas desa (SQL wilayah_boundaries atau GeoJSON ber-properti kode) untuk peta",
  help:
    "Penggunaan: npm run cli -- import-batas BERKAS.sql|BERKAS.geojson\n\n" +
    "Memuat batas desa/kelurahan untuk peta capaian: berkas SQL sumber (cahyadsn/wilayah_boundaries,\n" +
    "db/kel/<prov>/wilayah_boundaries_kel_<kab>.sql) atau GeoJSON FeatureCollection dengan properti `kode`.\n" +
    "Setiap fitur diperiksa (kode desa ada di pohon wilayah, geometri sah, di dalam kotak batas kabupatennya);\n" +
    "bila ada satu kesalahan, tidak ada yang ditulis dan semua kesalahan dicetak. Impor ulang berkas yang sama\n" +
    "tidak mengubah apa pun (0 berubah). Kode keluar: 0 berhasil, 1 ditolak, 2 salah pemakaian/berkas.",
  pemakaian: "Penggunaan: npm run cli -- import-batas BERKAS.sql|BERKAS.geojson",
  kosong: "Berkas tidak memuat satu fitur pun.",
  fitur: (n: number, kode: string) => `Fitur ${n} (${kode || "tanpa kode"})`,
  bukanKodeDesa: "kode bukan kode desa/kelurahan (contoh 36.04.30.2001)",
  ganda: "kode muncul lebih dari sekali dalam berkas",
  tidakAda: "kode tidak ada di pohon wilayah",
  diLuarKabupaten: (kab: string) => `geometri di luar kotak batas kabupaten ${kab}`,
  ditolak: (n: number) => `Ditolak: ${n} kesalahan, tidak ada yang ditulis.`,
  selesai: (jumlah: number, berubah: number) => `Selesai: ${jumlah} desa diperiksa, ${berubah} berubah.`,
} as const;
