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
  periodeMendatang: "Periode ini belum berjalan: belum ada laporan yang bisa masuk, jadi capaian dan status PWS di bawah belum bermakna.",
  periodeBerjalan: "Bulan ini masih berjalan: laporannya baru masuk setelah akhir bulan, jadi capaian dan status PWS di bawah belum lengkap.",
  /** The months kelengkapan counts: January to the shown month. */
  kelengkapanSampai: (bulan: number, periode: string) => (bulan === 1 ? `Kelengkapan laporan ${periode}` : `Kelengkapan laporan Januari–${periode}`),
  belumAdaLaporan: "Belum ada laporan untuk bulan ini.",
  belumDiisi: "Belum diisi",
  indeksSpm: "Indeks SPM",
  dataPer: "Data per",
} as const;
