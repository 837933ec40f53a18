// Indonesian messages of the CSV imports (values, sasaran, penduduk): file and row errors, warnings,
// progress phases and the command-line output. One place for every user-facing string of an import.

const MAX_INT = "2.147.483.647";

export const IMPORT_MSG = {
  // File-level errors (the whole file is refused).
  berkasKosong: "Berkas kosong: tidak ada header maupun baris data.",
  tanpaBarisData: "Berkas hanya berisi header, tidak ada baris data.",
  bukanTeks: "Berkas bukan teks CSV (berisi karakter biner/NUL). Simpan ulang sebagai CSV UTF-8.",
  bukanUtf8: "Berkas bukan teks UTF-8 yang sah. Simpan ulang sebagai CSV UTF-8.",
  csvRusak: (alasan: string) => `Format CSV rusak: ${alasan}.`,
  kolomHilang: (kolom: string, header: readonly string[]) =>
    `Kolom "${kolom}" tidak ada di header. Header yang diharapkan: ${header.join(",")}.`,
  kolomTakDikenal: (kolom: string, header: readonly string[]) =>
    `Kolom "${kolom}" tidak dikenal. Header yang diharapkan: ${header.join(",")}.`,
  kolomGanda: (kolom: string) => `Kolom "${kolom}" muncul lebih dari sekali di header.`,
  barisTerlaluPanjang: (maks: number) =>
    `Baris terlalu panjang (lebih dari ${maks.toLocaleString("id-ID")} karakter). Periksa pemisah kolom dan akhir baris berkas.`,
  terlaluBanyakBaris: (maks: number) =>
    `Berkas berisi lebih dari ${maks.toLocaleString("id-ID")} baris. Bagi menjadi beberapa berkas lalu impor satu per satu.`,

  // XLSX refusals (lib/import/xlsx.ts: XlsxRefusal): the whole file, nothing read into the database.
  xlsx: {
    rusak: "Berkas XLSX tidak dapat dibaca. Simpan ulang dari Excel atau unggah sebagai CSV.",
    tidakDidukung: "Berkas XLSX memakai fitur yang tidak didukung (terenkripsi, ZIP64 atau kompresi lain). Simpan ulang dari Excel atau unggah sebagai CSV.",
    terlaluBesarTerbuka: (maksMb: number) =>
      `Isi berkas XLSX terlalu besar setelah dibuka (lebih dari ${maksMb.toLocaleString("id-ID")} MB). Simpan hanya lembar data, atau unggah sebagai CSV.`,
    terlaluBanyakBagian: (maks: number) =>
      `Berkas XLSX berisi terlalu banyak bagian (lebih dari ${maks.toLocaleString("id-ID")}). Simpan ulang dari Excel atau unggah sebagai CSV.`,
    kolomTambahan: (kolom: string, baris: number, isi: string, header: readonly string[]) =>
      `Kolom ${kolom} di baris ${baris} berisi "${isi}", padahal berkas hanya boleh berisi kolom ${header.join(",")} (kolom A sampai ${String.fromCharCode(64 + header.length)}). Hapus kolom ${kolom}.`,
    selTerlaluPanjang: (sel: string, maks: number) => `Isi sel ${sel} terlalu panjang (lebih dari ${maks.toLocaleString("id-ID")} karakter).`,
    memori: "Berkas XLSX terlalu berat untuk dibaca (melewati batas memori pembaca). Unggah sebagai CSV atau bagi menjadi beberapa berkas.",
    sibuk: "Server sedang membaca banyak berkas XLSX lain. Coba unggah lagi sebentar lagi, atau unggah sebagai CSV.",
    waktu: (detik: number) =>
      `Membaca berkas XLSX melewati batas waktu ${detik.toLocaleString("id-ID")} detik. Unggah sebagai CSV atau bagi menjadi beberapa berkas.`,
  },

  // Request bodies of the JSON API (lib/api/body.ts).
  badan: {
    terlaluBesar: (maksBytes: number) =>
      `Isi permintaan terlalu besar (maksimal ${Math.round(maksBytes / 1024).toLocaleString("id-ID")} KB). Tidak ada yang dibaca maupun disimpan.`,
    terlaluLambat: (detik: number) =>
      `Isi permintaan tidak diterima lengkap dalam ${detik.toLocaleString("id-ID")} detik. Kirim ulang dari koneksi yang lebih stabil.`,
  },

  // Row errors.
  jumlahKolom: (ada: number, harus: number) => `Baris berisi ${ada} kolom, seharusnya ${harus}.`,
  kosong: "Wajib diisi.",
  bukanBilanganBulat: "Harus bilangan bulat (tanpa desimal, titik atau koma ribuan).",
  negatif: "Tidak boleh negatif.",
  terlaluBesar: `Terlalu besar (maksimum ${MAX_INT}).`,
  tahunDiLuarRentang: "Tahun harus antara 2000 dan 2100.",
  bulanDiLuarRentang: "Bulan harus 1 sampai 12.",
  desaTakDikenal: "Kode desa/kelurahan tidak dikenal.",
  desaDiLuarWilayah: "Desa ini di luar wilayah kewenangan Anda.",
  desaTidakDitemukan: (kode: string) => `Desa ${kode} tidak ditemukan.`,
  indikatorTakDikenal: "Kode indikator tidak dikenal.",
  indikatorTanpaSasaran: "Indikator ini berupa jumlah kasus dan tidak memiliki sasaran.",
  kelompokTakDikenal: (daftar: readonly string[]) => `Kelompok penduduk tidak dikenal. Pilihan: ${daftar.join(", ")}.`,
  duplikat: (barisPertama: number) => `Baris ganda: kunci yang sama sudah ada di baris ${barisPertama}.`,
  periodeTerkunci: "Laporan desa untuk bulan ini sudah diverifikasi dan terkunci.",
  laporanBerubah: "Laporan desa untuk bulan ini baru saja dibuat atau diubah di tempat lain (oleh pengguna lain, atau di tab lain). Unggah ulang berkasnya.",
  laporanDiPuskesmas: "Laporan desa untuk bulan ini sedang dikerjakan puskesmas (belum dikirim atau dikembalikan): hanya puskesmas yang dapat mengirimnya.",
  periodeMendatang: "Bulan ini belum berjalan; nilainya belum bisa diisi.",

  // Warnings (rows are written, warnings listed).

  // Progress phases.
  fase: {
    membaca: "Membaca berkas",
    memeriksa: "Memeriksa baris",
    memuat: "Memuat ke basis data",
    menyimpan: "Menyimpan perubahan",
    estimasi: "Menghitung ulang estimasi sasaran",
  },
} as const;

export const IMPORT_CLI = {
  judul: {
    values: "nilai bulanan",
    sasaran: "sasaran",
    penduduk: "penduduk",
  },
  summary: {
    values: "impor nilai bulanan dari CSV (kode_desa,tahun,bulan,indikator,nilai)",
    sasaran: "impor sasaran DITETAPKAN dari CSV (kode_desa,tahun,indikator,sasaran)",
    penduduk: "impor penduduk dari CSV (kode_desa,tahun,kelompok,jumlah) dan hitung ulang estimasi sasaran",
  },
  help: {
    values: `npm run cli -- import-values BERKAS.csv

Mengimpor nilai bulanan. Header wajib: kode_desa,tahun,bulan,indikator,nilai (urutan bebas).
Satu baris per nilai; disimpan sebagai laporan DIKIRIM. Semua baris diperiksa dulu: bila ada satu
kesalahan saja, tidak ada yang disimpan dan setiap kesalahan dicetak dengan nomor baris dan kolomnya.
Peringatan (mis. nilai bulanan melebihi sasaran) tidak menghalangi impor. Impor ulang berkas yang sama
tidak mengubah apa pun. Berkas XLSX juga diterima: lembar pertama, kolom A sampai E (dibaca dengan
batas ukuran, baris, kolom dan panjang sel). Kode keluar: 0 berhasil, 1 ada kesalahan data, 2 berkas/opsi salah.`,
    sasaran: `npm run cli -- import-sasaran BERKAS.csv

Mengimpor sasaran tahunan per desa dan indikator dengan sumber DITETAPKAN (selalu menang atas
estimasi). Header wajib: kode_desa,tahun,indikator,sasaran. Sasaran 0 sah ("tidak ada sasaran").
Bila ada kesalahan, tidak ada yang disimpan. Kode keluar: 0 berhasil, 1 ada kesalahan data, 2 berkas/opsi salah.`,
    penduduk: `npm run cli -- import-penduduk BERKAS.csv

Mengimpor penduduk per desa, tahun dan kelompok. Header wajib: kode_desa,tahun,kelompok,jumlah;
kelompok: total, bayi, balita, usia_dikdas, usia_produktif, lansia, remaja, usia_15_plus.
Sesudahnya sasaran ESTIMASI desa dan tahun itu dihitung ulang (sasaran DITETAPKAN tidak disentuh).
Bila ada kesalahan, tidak ada yang disimpan. Kode keluar: 0 berhasil, 1 ada kesalahan data, 2 berkas/opsi salah.`,
  },
  pemakaian: (perintah: string) => `Penggunaan: npm run cli -- ${perintah} BERKAS.csv|BERKAS.xlsx`,
  berkasTidakAda: (berkas: string) => `Berkas tidak ditemukan: ${berkas}`,
  bukanBerkas: (berkas: string) => `Bukan berkas biasa: ${berkas}`,
  tidakTerbaca: (berkas: string) => `Berkas tidak dapat dibaca: ${berkas}`,
  terlaluBesar: (berkas: string, maksBytes: number) =>
    `Berkas terlalu besar: ${berkas} (maksimal ${Math.round(maksBytes / (1024 * 1024)).toLocaleString("id-ID")} MB). Bagi menjadi beberapa berkas.`,
  ditolak: (n: number) =>
    `Impor dibatalkan: ${n.toLocaleString("id-ID")} kesalahan. Tidak ada data yang disimpan.`,
  barisError: (line: number | null, column: string | null, message: string, value: string | null) => {
    const where = line === null ? "berkas" : column === null ? `baris ${line}` : `baris ${line}, kolom ${column}`;
    const shown = value === null || value.length === 0 ? "" : ` (isi: "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
    return `${where}: ${message}${shown}`;
  },
  sisa: (n: number) => `… dan ${n.toLocaleString("id-ID")} lainnya.`,
  selesai: (judul: string, detik: string, r: { rows: number; inserted: number; updated: number; unchanged: number }) =>
    `Impor ${judul} selesai dalam ${detik} dtk: ${r.rows.toLocaleString("id-ID")} baris — ` +
    `${r.inserted.toLocaleString("id-ID")} baru, ${r.updated.toLocaleString("id-ID")} diubah, ` +
    `${r.unchanged.toLocaleString("id-ID")} tidak berubah.`,
  estimasi: (n: number) => `Estimasi sasaran diperbarui: ${n.toLocaleString("id-ID")} baris.`,
  peringatan: (n: number) => `${n.toLocaleString("id-ID")} peringatan (data tetap disimpan):`,
} as const;
