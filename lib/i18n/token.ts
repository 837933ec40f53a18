// Texts of the API token page and of the API's answers about tokens.
export const TOKEN = {
  dibuat: "Token dibuat. Salin sekarang: token ini tidak akan ditampilkan lagi.",
  pilihPengguna: "Pilih pengguna.",
  namaPendek: "Beri nama token (minimal 3 huruf), misalnya nama aplikasi yang memakainya.",
  namaPanjang: "Nama token terlalu panjang.",
  masaBerlaku: "Masa berlaku",
  pilihMasa: "Pilih masa berlaku: 30, 90 atau 365 hari.",
  hari: (n: number) => `${n} hari`,
  bukanPemegang: "Token API hanya untuk akun dinkes dan admin: akun puskesmas melihat laporan draf, yang tidak boleh keluar lewat API.",
  berlakuSampai: "Berlaku sampai",
  kedaluwarsaStatus: (waktu: string) => `Kedaluwarsa ${waktu}`,
  kedaluwarsa: "Token API sudah kedaluwarsa. Minta admin membuat token baru.",
} as const;
