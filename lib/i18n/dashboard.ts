export const STATUS_PWS_LABEL = {
  BAIK: "Baik",
  KURANG: "Kurang",
  CUKUP: "Cukup",
  JELEK: "Jelek",
} as const;

export const STATUS_LAPORAN_LABEL: Record<string, string> = {
  DRAFT: "Draf",
  DIKIRIM: "Dikirim",
  DIVERIFIKASI: "Diverifikasi",
  DIKEMBALIKAN: "Dikembalikan",
};

export const DASHBOARD = {
  sesuaiTarget: "Sesuai target",
  diBawahTarget: "Di bawah target",
  tidakAdaSasaran: "Tidak ada sasaran",
  melebihiSasaran: "Melebihi sasaran — periksa sasaran",
  belumAdaLaporan: "Belum ada laporan untuk bulan ini.",
  belumDiisi: "Belum diisi",
  indeksSpm: "Indeks SPM",
  dataPer: "Data per",
} as const;
