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
  belumAdaLaporan: "Belum ada laporan untuk bulan ini.",
  belumDiisi: "Belum diisi",
  indeksSpm: "Indeks SPM",
  dataPer: "Data per",
} as const;
