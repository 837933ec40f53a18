export const MSG_SASARAN = {
  adaKesalahan: "Ada isian yang salah. Perbaiki yang ditandai lalu simpan lagi; belum ada yang disimpan.",
  tidakBolehKosong: "Tidak boleh dikosongkan; isi 0 bila memang tidak ada.",
  tersimpan: (n: number) => (n === 0 ? "Tidak ada perubahan." : `${n} perubahan tersimpan; sasaran estimasi dihitung ulang.`),
  sumber: { DITETAPKAN: "Ditetapkan", ESTIMASI: "Estimasi dari penduduk" } as Record<string, string>,
  pengaturanTersimpan: (n: number) => `Pengaturan tersimpan. ${n} sasaran estimasi berubah.`,
} as const;

/** Labels of the estimation parameters (lib/spm/parameter.ts) as the settings form shows them. */
export const PARAMETER_LABEL: Record<string, string> = {
  cbrPerMil: "Angka kelahiran kasar (per 1.000 penduduk)",
  faktorIbuHamil: "Faktor ibu hamil (× lahir hidup)",
  faktorIbuBersalin: "Faktor ibu bersalin (× lahir hidup)",
  "proporsi.balita": "Proporsi balita (pecahan dari penduduk)",
  "proporsi.usia_dikdas": "Proporsi usia pendidikan dasar",
  "proporsi.usia_produktif": "Proporsi usia produktif",
  "proporsi.lansia": "Proporsi usia lanjut",
  "proporsi.remaja": "Proporsi remaja",
  "proporsi.usia_15_plus": "Proporsi penduduk ≥ 15 tahun",
  prevalensiHipertensi: "Prevalensi hipertensi (penduduk ≥ 15)",
  prevalensiDm: "Prevalensi diabetes melitus (penduduk ≥ 15)",
  prevalensiOdgjBerat: "Prevalensi ODGJ berat",
  faktorTerdugaTb: "Faktor terduga TB (× penduduk)",
};
