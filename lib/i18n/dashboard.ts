import type { KeadaanPeriode } from "@/lib/spm/kelengkapan";
import type { Tanggal } from "@/lib/spm/periode";
import { NAMA_BULAN } from "./format";

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

/** The notice above a dashboard for a period that is not complete (lib/spm/kelengkapan.ts keadaanPeriode,
 *  the same states the export labels use); none once the period's deadline has passed. */
export function catatanPeriode(keadaan: KeadaanPeriode, batas: Tanggal): string | null {
  switch (keadaan) {
    case "belum-berjalan":
    case "bulan-belum-berjalan":
      return DASHBOARD.periodeMendatang;
    case "berjalan":
      return DASHBOARD.periodeBerjalan;
    case "menunggu-laporan":
      return `Laporan bulan ini masih bisa masuk sampai ${batas.hari} ${NAMA_BULAN[batas.bulan - 1]} ${batas.tahun} (batas kirim): capaian dan status PWS di bawah bisa masih bertambah.`;
    case "lewat-batas":
      return null;
  }
}

export const DASHBOARD = {
  periodeMendatang: "Periode ini belum berjalan: belum ada laporan yang bisa masuk, jadi capaian dan status PWS di bawah belum bermakna.",
  periodeBerjalan: "Bulan ini masih berjalan: laporannya baru masuk setelah akhir bulan, jadi capaian dan status PWS di bawah belum lengkap.",
  /** The months kelengkapan counts: January to the shown month. */
  kelengkapanSampai: (bulan: number, periode: string) => (bulan === 1 ? `Kelengkapan laporan ${periode}` : `Kelengkapan laporan Januari–${periode}`),
  belumAdaLaporan: "Belum ada laporan untuk bulan ini.",
  /** `?indikator=` names no indicator the grafik can draw (a stale link, a typo, or a count without sasaran). */
  indikatorTakDikenal: (diminta: string, pengganti: string) =>
    `Indikator “${diminta}” tidak bisa ditampilkan di grafik dan peta (tidak dikenal, atau tanpa sasaran); yang ditampilkan ${pengganti}.`,
  belumDiisi: "Belum diisi",
  indeksSpm: "Indeks SPM",
  dataPer: "Data per",
} as const;
