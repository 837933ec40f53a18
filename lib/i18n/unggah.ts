export const UNGGAH = {
  pilihBerkas: "Pilih berkas CSV atau XLSX terlebih dahulu.",
  terlaluBesar: "Berkas terlalu besar (maksimal 10 MB).",
  xlsxRusak: "Berkas XLSX tidak dapat dibaca. Simpan ulang dari Excel atau unggah sebagai CSV.",
  adaKesalahan: (n: number) => `Ada ${n.toLocaleString("id-ID")} kesalahan. Tidak ada data yang disimpan; perbaiki berkas lalu unggah lagi.`,
  periksa: "Periksa ringkasan perubahan di bawah, lalu konfirmasi untuk menyimpan.",
  tersimpan: "Data tersimpan dan terkirim.",
} as const;
