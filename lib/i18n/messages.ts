import { LOGIN_GAGAL } from "./login";

// Indonesian UI messages (one place for every user-facing string of the auth and error paths).
export const MSG = {
  loginGagal: LOGIN_GAGAL,
  loginKosong: "Isi email dan kata sandi.",
  tidakBerhak: "Anda tidak berhak mengakses halaman ini.",
  /** A form posted after the session ended (logout in another tab, or 8 hours passed): the typed values stay in the form. */
  sesiBerakhir: "Sesi Anda sudah berakhir, jadi isian ini belum tersimpan. Masuk lagi (di tab lain agar isian di sini tidak hilang), lalu tekan tombolnya sekali lagi.",
  tidakDitemukan: "Data tidak ditemukan.",
  dbTidakTersedia: "Basis data sedang tidak tersedia. Coba lagi sebentar lagi.",
  kesalahanUmum: "Terjadi kesalahan. Coba lagi; bila berulang, hubungi admin.",
} as const;

export const ROLE_LABEL = {
  ADMIN: "Admin nasional",
  DINKES_PROVINSI: "Dinas Kesehatan Provinsi",
  DINKES_KABUPATEN: "Dinas Kesehatan Kabupaten/Kota",
  PUSKESMAS: "Puskesmas",
} as const;

export const TINGKAT_LABEL = {
  nasional: "Nasional",
  provinsi: "Provinsi",
  kabupaten: "Kabupaten/Kota",
  kecamatan: "Kecamatan",
  puskesmas: "Puskesmas",
  desa: "Desa/Kelurahan",
} as const;

export const KELOMPOK_LABEL: Record<string, string> = {
  total: "Jumlah penduduk",
  bayi: "Bayi (< 1 tahun)",
  balita: "Balita (0–59 bulan)",
  usia_dikdas: "Usia pendidikan dasar (7–15)",
  usia_produktif: "Usia produktif (15–59)",
  lansia: "Usia lanjut (≥ 60)",
  remaja: "Remaja (10–18)",
  usia_15_plus: "Penduduk ≥ 15 tahun",
};
