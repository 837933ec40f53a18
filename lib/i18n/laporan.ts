import { formatAngka } from "./format";

export const MSG_LAPORAN = {
  bukanAngka: "Isi dengan bilangan bulat (contoh: 12).",
  pecahan: "Harus bilangan bulat, tanpa titik atau koma (contoh: 1234).",
  negatif: "Tidak boleh negatif.",
  terlaluBesar: "Angka terlalu besar.",
  indikatorTidakDikenal: (k: string) => `Indikator tidak dikenal: ${k}.`,
  nilaiMelebihiSasaran: (s: number) => `Nilai bulan ini melebihi sasaran setahun (${formatAngka(s)}). Periksa kembali.`,
  realisasiMelebihi120: (r: number, s: number) => `Realisasi kumulatif ${formatAngka(r)} melebihi 120 % sasaran (${formatAngka(s)}).`,
  outlier: (m: number) => `Lebih dari 3× median 6 bulan terakhir (${formatAngka(m)}).`,
  melebihiPasangan: (a: string, b: string) => `Realisasi ${a} melebihi realisasi ${b}; biasanya tidak mungkin.`,
  terkunci: "Laporan bulan ini sudah diverifikasi dan terkunci. Minta dinkes kabupaten membukanya bila perlu diubah.",
  periodeMendatang: "Periode ini belum berjalan; laporan belum bisa diisi.",
  konflik: "Laporan ini baru saja diubah di tempat lain (oleh pengguna lain, atau di tab lain). Angka terbaru ditampilkan; angka yang Anda ketik tetap di formulir — periksa lalu simpan lagi.",
  perluKonfirmasi: "Ada peringatan. Periksa angkanya, centang konfirmasi, lalu simpan lagi.",
  adaKesalahan: "Ada isian yang salah. Perbaiki yang ditandai lalu simpan lagi.",
  tersimpanDraf: "Draf tersimpan.",
  terkirim: "Laporan terkirim ke dinkes kabupaten.",
  sudahDikirim: "Laporan sudah dikirim; simpan perubahan dengan tombol Kirim.",
  alasanWajib: "Tuliskan alasannya (minimal 5 huruf).",
  statusTidakSesuai: "Status laporan sudah berubah; muat ulang halaman.",
  hanyaBaca: "Hanya baca: laporan diisi dan dikirim oleh puskesmas. Verifikasi ada di halaman Verifikasi.",
  verifikasiSendiri: "Laporan ini terakhir dikirim oleh Anda sendiri (lewat unggah berkas): petugas lain yang memverifikasinya.",
  /** Earlier months that the running totals do not count (DOMAIN.md §7: only DIKIRIM and DIVERIFIKASI count). */
  belumDihitung: (daftar: string) =>
    `Angka kumulatif hanya menghitung laporan yang sudah dikirim, seperti dasbor. Belum dihitung: ${daftar}.`,
  bulanBelumDihitung: (bulan: string, status: string | null) => (status ? `${bulan} (${status.toLowerCase()})` : `${bulan} (belum dikirim)`),
  /** This month's report exists but is not counted (a draft, or returned): the form's running totals include it, the dashboards do not. */
  bulanIniBelumDihitung: (status: string) =>
    `Laporan bulan ini (${status.toLowerCase()}) belum dihitung di dasbor. Angka kumulatif di formulir sudah menyertakan isiannya, seperti nanti setelah laporan ini dikirim.`,
  riwayatSebagian: (tampil: number, semua: number) => `Menampilkan ${formatAngka(tampil)} perubahan terakhir dari ${formatAngka(semua)}.`,
  riwayatSemua: "Tampilkan semua riwayat",
} as const;

export const MSG_GRID = {
  tersimpan: (n: number) => (n === 0 ? "Tidak ada perubahan untuk disimpan." : `${n} laporan desa tersimpan.`),
  terkirim: (n: number) => `${n} laporan desa tersimpan dan terkirim ke dinkes kabupaten.`,
  adaMasalah: "Tidak ada yang disimpan: perbaiki isian yang ditandai (atau centang konfirmasi peringatan), lalu simpan lagi.",
  konflikBaris: "Diubah di tempat lain sejak halaman dimuat; muat ulang halaman untuk melihat angka terbaru.",
} as const;
