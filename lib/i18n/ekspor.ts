// Indonesian labels of the report page and the exported files (XLSX, PDF, CSV, DHIS2).
import type { ParameterEstimasi } from "@/lib/spm/parameter";
import type { KeadaanPeriode } from "@/lib/spm/kelengkapan";
import type { Tanggal } from "@/lib/spm/periode";
import type { Tingkat } from "@/lib/wilayah/kode";
import { NAMA_BULAN } from "./format";
import { KELAS_TAMPILAN, LEGENDA_KELAS } from "./kelas";

export const EKSPOR = {
  judulHalaman: "Ekspor laporan capaian SPM",
  judulLaporan: "Laporan Capaian SPM",
  tautanHeader: "Ekspor laporan",
  wilayah: "Kode wilayah",
  wilayahBantuan: "Kosong = nasional. Contoh: 36 (provinsi), 36.04 (kabupaten), P36043001 (puskesmas), 36.04.30.2001 (desa).",
  tahun: "Tahun",
  bulan: "Bulan",
  setahun: "Setahun penuh",
  detail: "Rincian",
  detailAnak: "Satu tingkat di bawah",
  detailDesa: "Setiap desa",
  indikator: "Indikator",
  indikatorSpm: "12 layanan SPM",
  indikatorSemua: "Semua indikator katalog",
  tampilkan: "Tampilkan",
  unduh: "Unduh",
  pratinjau: "Pratinjau",
  pratinjauCatatan: (tampil: number, total: number) =>
    tampil < total ? `Menampilkan ${tampil} dari ${total} baris. Berkas unduhan memuat semua baris.` : `${total} baris.`,
  diLuarCakupan: "Wilayah ini di luar cakupan akun Anda.",
  wilayahTidakDitemukan: "Wilayah tidak ditemukan.",
  tidakAdaRincian: "Wilayah ini tidak memiliki tingkat di bawahnya; berkas hanya memuat ringkasan.",
  berkasBesar: "Laporan besar (misalnya semua desa satu provinsi) dibuat sambil diunduh: kemajuannya tampak di daftar unduhan browser, dan pengguna lain tidak perlu menunggu.",
  dhis2PerluBulan: "DHIS2 memakai periode bulanan: pilih satu bulan untuk mengunduh dataValueSets.",
  dhis2Mapping: "Berkas pemetaan indikator → DHIS2 (CSV)",
  formatXlsx: "Excel (XLSX)",
  formatCsv: "CSV",
  formatPdf: "PDF",
  formatDhis2: "DHIS2 dataValueSets (JSON)",
  wilayahLabel: "Wilayah",
  periodeLabel: "Periode",
  dibuatLabel: "Dibuat",
  kode: "Kode",
  nama: "Nama",
  sasaran: "Sasaran",
  realisasi: "Realisasi",
  capaian: "Capaian %",
  target: "Target %",
  status: "Status",
  subKegiatan: "Sub-kegiatan",
  layanan: "Layanan / indikator",
  indeksSpm: "Indeks SPM",
  jumlahBaris: "Jumlah",
  jumlahLayanan: (n: number) => `${n} dari 12 layanan SPM bersasaran`,
  tidakAdaSasaran: KELAS_TAMPILAN["tanpa-sasaran"].label,
  jumlahTanpaSasaran: "Jumlah kasus (tanpa sasaran)",
  legenda: LEGENDA_KELAS,
  ringkasan: "Ringkasan",
  metodologi: "Metodologi",
  grafikJudul: (indikator: string, tingkat: string) => `Capaian ${indikator} per ${tingkat} dibanding garis target`,
  grafikTarget: (t: string) => `Target ${t} %`,
  tabelJudul: (tingkat: string, dari: string, sampai: string) => `Capaian per ${tingkat} (%) — ${dari} s.d. ${sampai}`,
  halaman: (n: number, m: number) => `Halaman ${n} dari ${m}`,
  lanjutan: "(lanjutan)",
} as const;

/** "Per Puskesmas": sheet names and headings of each detail level (Excel forbids "/" in sheet names). */
export const LEVEL_LABEL: Record<Exclude<Tingkat, "nasional">, string> = {
  provinsi: "Provinsi",
  kabupaten: "Kabupaten-Kota",
  kecamatan: "Kecamatan",
  puskesmas: "Puskesmas",
  desa: "Desa",
};

/**
 * The period of a report, with a note when it was not complete the day the report was made (`keadaan`,
 * lib/spm/kelengkapan.ts keadaanPeriode): "Tahun 2025 (setahun penuh, Januari–Desember)", "Juni 2026
 * (kumulatif Januari–Juni)", "November 2026 (kumulatif Januari–November; laporan masih bisa masuk s.d.
 * 10 Desember 2026, data belum lengkap)", "Desember 2026 (kumulatif Januari–Desember; belum berakhir, data
 * belum lengkap)", "Januari 2027 (belum berjalan, belum ada data)", in June "September 2026 (kumulatif
 * Januari–September; September belum berjalan, data belum lengkap)".
 */
export function periodeLaporan(tahun: number, bulan: number, setahun: boolean, { keadaan, batas }: { keadaan: KeadaanPeriode; batas: Tanggal }): string {
  const nama = NAMA_BULAN[bulan - 1];
  const kepala = setahun ? `Tahun ${tahun}` : `${nama} ${tahun}`;
  const rentang = setahun ? (keadaan === "lewat-batas" ? "setahun penuh, Januari–Desember" : "Januari–Desember") : bulan === 1 ? null : `kumulatif Januari–${nama}`;
  const catatan: Record<KeadaanPeriode, string | null> = {
    "belum-berjalan": "belum berjalan, belum ada data",
    "bulan-belum-berjalan": `${nama} belum berjalan, data belum lengkap`,
    berjalan: "belum berakhir, data belum lengkap",
    "menunggu-laporan": `laporan masih bisa masuk s.d. ${batas.hari} ${NAMA_BULAN[batas.bulan - 1]} ${batas.tahun}, data belum lengkap`,
    "lewat-batas": null,
  };
  const isi = [rentang, catatan[keadaan]].filter(Boolean).join("; ");
  return isi ? `${kepala} (${isi})` : kepala;
}

/** The methodology sheet of the XLSX export (DOMAIN.md §5–6). */
export const METODOLOGI = {
  judul: "Metodologi perhitungan",
  rumus: [
    ["Realisasi (kumulatif)", "R(m) = jumlah nilai bulanan Januari s.d. bulan m. Indikator bulanan (mis. GIZ-DS): nilai bulan m saja. Indikator jumlah: jumlah kasus, tanpa sasaran."],
    ["Capaian", "C = R / S × 100, S = sasaran tahunan. Sasaran 0 atau kosong: capaian kosong (\"tidak ada sasaran\"), bukan 0. Capaian boleh melebihi 100 %: ditampilkan dan ditandai \"periksa sasaran\"."],
    ["Garis target PWS", "TL(m) = T × m / 12, T = target tahunan (100 % untuk layanan SPM). Indikator bulanan: TL = T. Sesuai target bila C ≥ TL(m)."],
    ["Agregat", "Puskesmas, kecamatan, kabupaten, provinsi, nasional dan baris \"Jumlah\": C = Σ R / Σ S atas semua desa di wilayah itu, bukan rata-rata persentase. Σ S = 0: capaian kosong."],
    ["Indeks SPM", "Rata-rata min(C, 100) atas layanan SPM yang bersasaran (S > 0); banyaknya layanan bersasaran ditampilkan di sampingnya. Pada bulan 12 = capaian SPM tahunan."],
    ["Pembulatan", "Dihitung eksak (bilangan bulat dan pecahan); dibulatkan sekali saat ekspor ke 2 desimal, setengah menjauhi nol (45,005 → 45,01)."],
    ["Laporan yang dihitung", "Hanya laporan bulanan berstatus DIKIRIM dan DIVERIFIKASI. DRAFT dan DIKEMBALIKAN tidak dihitung; bulan tanpa laporan bernilai 0 (belum lapor)."],
  ] as const,
  sumberJudul: "Sumber sasaran",
  sumber: [
    ["DITETAPKAN", "Dimasukkan atau diimpor dari angka resmi; selalu mengalahkan estimasi."],
    ["ESTIMASI", "Dihitung dari jumlah penduduk desa dengan parameter di bawah; dibulatkan ke atas per desa, agregat menjumlahkan angka desa."],
  ] as const,
  sumberHitungan: (ditetapkan: number, estimasi: number) =>
    `Wilayah ini, tahun laporan: ${ditetapkan} sasaran desa × indikator DITETAPKAN, ${estimasi} ESTIMASI.`,
  parameterJudul: "Parameter estimasi nasional bawaan (ASUMSI aplikasi — verifikasi dengan data sasaran Pusdatin; dapat diganti per kabupaten)",
  parameterKolom: ["Parameter", "Nilai", "Rumus"] as const,
  /** [label, value, kind of value, formula]: "permil" is per 1000, "faktor" a multiplier, "proporsi" a share (0.085 = 8,5 %). */
  parameter: (p: ParameterEstimasi): [string, number | null, "permil" | "faktor" | "proporsi", string][] => [
    ["Angka kelahiran kasar (CBR)", p.cbrPerMil, "permil", "lahir hidup = CBR / 1000 × penduduk; bayi baru lahir = bayi = lahir hidup"],
    ["Faktor ibu hamil", p.faktorIbuHamil, "faktor", "ibu hamil = faktor × lahir hidup"],
    ["Faktor ibu bersalin", p.faktorIbuBersalin, "faktor", "ibu bersalin = faktor × lahir hidup"],
    ["Proporsi balita (0–59 bulan)", p.proporsi.balita, "proporsi", "bila hanya jumlah penduduk total diketahui"],
    ["Proporsi usia pendidikan dasar (7–15)", p.proporsi.usia_dikdas, "proporsi", "bila hanya jumlah penduduk total diketahui"],
    ["Proporsi usia produktif (15–59)", p.proporsi.usia_produktif, "proporsi", "bila hanya jumlah penduduk total diketahui"],
    ["Proporsi usia lanjut (≥ 60)", p.proporsi.lansia, "proporsi", "bila hanya jumlah penduduk total diketahui"],
    ["Proporsi remaja (10–18)", p.proporsi.remaja, "proporsi", "bila hanya jumlah penduduk total diketahui"],
    ["Proporsi penduduk ≥ 15", p.proporsi.usia_15_plus, "proporsi", "bila hanya jumlah penduduk total diketahui"],
    ["Prevalensi hipertensi", p.prevalensiHipertensi, "proporsi", "hipertensi = prevalensi × penduduk ≥ 15"],
    ["Prevalensi diabetes melitus", p.prevalensiDm, "proporsi", "DM = prevalensi × penduduk ≥ 15"],
    ["Prevalensi ODGJ berat", p.prevalensiOdgjBerat, "proporsi", "ODGJ berat = prevalensi × penduduk"],
    ["Faktor terduga TB (10 × 0,354 %)", p.faktorTerdugaTb, "proporsi", "terduga TB = faktor × penduduk"],
    ["Risiko HIV", null, "faktor", "risiko HIV = ibu hamil + terduga TB (+ populasi kunci yang dimasukkan)"],
  ],
} as const;

export const DHIS2 = {
  mappingHeader: ["pantau_indikator", "nama", "dhis2_dataElement_uid"] as const,
  mappingKolom: "Kolom berkas pemetaan harus: pantau_indikator,nama,dhis2_dataElement_uid.",
  mappingIndikatorTakDikenal: (kode: string) => `Indikator tidak dikenal: ${kode}.`,
  mappingUidTidakSah: (uid: string) => `UID DHIS2 tidak sah: ${uid} (11 karakter, huruf lalu huruf/angka).`,
  mappingGanda: (kode: string) => `Indikator muncul lebih dari sekali: ${kode}.`,
  mappingBaris: (line: number, pesan: string) => `Baris ${line}: ${pesan}`,
} as const;

export const EKSPOR_ERROR = {
  detail: "Rincian harus anak atau desa.",
  indikator: "Indikator harus spm atau semua.",
  grafik: "Indikator grafik tidak dikenal atau tidak memiliki sasaran.",
  desaNasional: "Rincian per desa untuk seluruh Indonesia terlalu besar: pilih satu provinsi atau wilayah di bawahnya.",
} as const;
