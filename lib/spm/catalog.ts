/**
 * The indicator catalog (DOMAIN.md §3–4): klaster, the 12 SPM services and the cluster indicators.
 * Codes are stable: forms, CSV files, the API and reports use them.
 */
export type KlasterKode = "K1" | "K2" | "K3" | "K4" | "K5";
/** kumulatif: people served in the year, months add up; bulanan: a monthly rate; jumlah: a count, no sasaran. */
export type Jenis = "kumulatif" | "bulanan" | "jumlah";
/** naik: higher is better; turun: lower is better. */
export type Arah = "naik" | "turun";
export type BasisSasaran =
  | "ibu_hamil"
  | "ibu_bersalin"
  | "bayi_baru_lahir"
  | "bayi"
  | "balita"
  | "usia_dikdas"
  | "usia_produktif"
  | "lansia"
  | "hipertensi"
  | "dm"
  | "odgj_berat"
  | "terduga_tb"
  | "risiko_hiv"
  | "remaja"
  | "usia_15_plus";

export interface Klaster {
  kode: KlasterKode;
  nama: string;
}

export interface Indikator {
  kode: string;
  nama: string;
  klaster: KlasterKode;
  jenis: Jenis;
  basis: BasisSasaran | null;
  /** Indonesian label of the denominator (sasaran); null for jumlah indicators. */
  basisLabel: string | null;
  /** Annual target in percent (100, 85); 0 for jumlah indicators. */
  target: number;
  arah: Arah;
  spm: boolean;
  /** Display order, 1-based, following the tables of DOMAIN.md §4. */
  urutan: number;
  /** Kemendagri sub-activity code "1.02.02.2.02.00NN" for SPM service NN, else null. */
  subKegiatan: string | null;
}

export const KLASTER: readonly Klaster[] = Object.freeze([
  { kode: "K1", nama: "Manajemen" },
  { kode: "K2", nama: "Ibu dan Anak" },
  { kode: "K3", nama: "Usia Dewasa dan Lansia" },
  { kode: "K4", nama: "Penanggulangan Penyakit Menular" },
  { kode: "K5", nama: "Lintas Klaster" },
]);

/** Labels of each basis, as the denominator reads in regional SPM reports. */
export const BASIS_LABEL: Readonly<Record<BasisSasaran, string>> = Object.freeze({
  ibu_hamil: "Jumlah sasaran ibu hamil",
  ibu_bersalin: "Jumlah sasaran ibu bersalin",
  bayi_baru_lahir: "Jumlah sasaran bayi baru lahir",
  bayi: "Jumlah bayi (surviving infant)",
  balita: "Jumlah balita usia 0–59 bulan",
  usia_dikdas: "Jumlah anak usia pendidikan dasar (kelas 1–9, usia 7–15 tahun)",
  usia_produktif: "Jumlah penduduk usia 15–59 tahun",
  lansia: "Jumlah penduduk usia 60 tahun ke atas",
  hipertensi: "Jumlah estimasi penderita hipertensi usia ≥ 15 tahun",
  dm: "Jumlah estimasi penyandang diabetes melitus usia ≥ 15 tahun",
  odgj_berat: "Jumlah estimasi orang dengan gangguan jiwa berat",
  terduga_tb: "Jumlah orang terduga tuberkulosis",
  risiko_hiv: "Jumlah orang dengan risiko terinfeksi HIV",
  remaja: "Jumlah remaja usia 10–18 tahun",
  usia_15_plus: "Jumlah penduduk usia ≥ 15 tahun",
});

type Entry = [kode: string, nama: string, klaster: KlasterKode, jenis: Jenis, basis: BasisSasaran | null, target: number, arah: Arah];

const SPM: readonly Entry[] = [
  ["SPM-01", "Pelayanan kesehatan ibu hamil", "K2", "kumulatif", "ibu_hamil", 100, "naik"],
  ["SPM-02", "Pelayanan kesehatan ibu bersalin", "K2", "kumulatif", "ibu_bersalin", 100, "naik"],
  ["SPM-03", "Pelayanan kesehatan bayi baru lahir", "K2", "kumulatif", "bayi_baru_lahir", 100, "naik"],
  ["SPM-04", "Pelayanan kesehatan balita", "K2", "kumulatif", "balita", 100, "naik"],
  ["SPM-05", "Pelayanan kesehatan pada usia pendidikan dasar", "K2", "kumulatif", "usia_dikdas", 100, "naik"],
  ["SPM-06", "Pelayanan kesehatan pada usia produktif", "K3", "kumulatif", "usia_produktif", 100, "naik"],
  ["SPM-07", "Pelayanan kesehatan pada usia lanjut", "K3", "kumulatif", "lansia", 100, "naik"],
  ["SPM-08", "Pelayanan kesehatan penderita hipertensi", "K3", "kumulatif", "hipertensi", 100, "naik"],
  ["SPM-09", "Pelayanan kesehatan penderita diabetes melitus", "K3", "kumulatif", "dm", 100, "naik"],
  ["SPM-10", "Pelayanan kesehatan orang dengan gangguan jiwa berat", "K3", "kumulatif", "odgj_berat", 100, "naik"],
  ["SPM-11", "Pelayanan kesehatan orang terduga tuberkulosis", "K4", "kumulatif", "terduga_tb", 100, "naik"],
  ["SPM-12", "Pelayanan kesehatan orang dengan risiko terinfeksi HIV", "K4", "kumulatif", "risiko_hiv", 100, "naik"],
];

const KLASTER_INDIKATOR: readonly Entry[] = [
  ["KIA-K1", "Ibu hamil kunjungan pertama (K1)", "K2", "kumulatif", "ibu_hamil", 100, "naik"],
  ["KIA-KF", "Ibu nifas kunjungan nifas lengkap (KF lengkap)", "K2", "kumulatif", "ibu_bersalin", 100, "naik"],
  ["KIA-KN1", "Kunjungan neonatal pertama (KN1)", "K2", "kumulatif", "bayi_baru_lahir", 100, "naik"],
  ["IMN-IDL", "Bayi imunisasi dasar lengkap (IDL)", "K2", "kumulatif", "bayi", 100, "naik"],
  ["GIZ-DS", "Balita ditimbang (D/S)", "K2", "bulanan", "balita", 85, "naik"],
  ["REM-SKR", "Remaja skrining kesehatan", "K2", "kumulatif", "remaja", 100, "naik"],
  ["PTM-SKR", "Skrining faktor risiko PTM", "K3", "kumulatif", "usia_15_plus", 100, "naik"],
  ["PM-TBOBAT", "Kasus TB ditemukan dan diobati", "K4", "jumlah", null, 0, "naik"],
  ["PM-DBD", "Kasus DBD", "K4", "jumlah", null, 0, "turun"],
  ["PM-DIARE", "Balita diare ditangani", "K4", "jumlah", null, 0, "naik"],
  ["KIA-KMI", "Kematian ibu", "K2", "jumlah", null, 0, "turun"],
  ["KIA-KMB", "Kematian bayi", "K2", "jumlah", null, 0, "turun"],
  ["GIZ-STUNT", "Balita stunting (baru ditemukan)", "K2", "jumlah", null, 0, "turun"],
];

export const INDIKATOR: readonly Indikator[] = Object.freeze(
  [...SPM, ...KLASTER_INDIKATOR].map(
    ([kode, nama, klaster, jenis, basis, target, arah], i): Indikator =>
      Object.freeze({
        kode,
        nama,
        klaster,
        jenis,
        basis,
        basisLabel: basis === null ? null : BASIS_LABEL[basis],
        target,
        arah,
        spm: i < SPM.length,
        urutan: i + 1,
        subKegiatan: i < SPM.length ? `1.02.02.2.02.${String(i + 1).padStart(4, "0")}` : null,
      }),
  ),
);

export const SPM_KODES: readonly string[] = Object.freeze(INDIKATOR.filter((i) => i.spm).map((i) => i.kode));

const BY_KODE: ReadonlyMap<string, Indikator> = new Map(INDIKATOR.map((i) => [i.kode, i]));

export function getIndikator(kode: string): Indikator | undefined {
  return BY_KODE.get(kode);
}
