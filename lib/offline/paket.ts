import type { KonteksValidasi } from "@/lib/laporan/validasi";

// What a puskesmas's phone keeps to enter monthly reports without signal (issue 16): its desa, and for each
// the reports of the last two months with the validation context the server would use (sasaran of the
// year, counted running totals, recent values). The indicator catalog travels in the app's code
// (lib/spm/catalog). Served by GET /api/v1/offline/paket (lib/data/offline.ts), kept in IndexedDB.

export type StatusLaporanPaket = "DRAFT" | "DIKIRIM" | "DIVERIFIKASI" | "DIKEMBALIKAN";

export interface PaketLaporan {
  tahun: number;
  bulan: number;
  status: StatusLaporanPaket | null;
  /** The report's version when the package was made: an entry typed from it is based on this. */
  versi: number;
  nilai: Record<string, number>;
  konteks: KonteksValidasi;
}

export interface PaketDesa {
  kode: string;
  nama: string;
  laporan: PaketLaporan[];
}

export interface PaketOffline {
  userId: string;
  puskesmas: { kode: string; nama: string };
  /** The months kept, newest first. */
  periode: { tahun: number; bulan: number }[];
  desa: PaketDesa[];
}

/** The report of a desa and month in the package, or null when the package does not hold it. */
export function laporanDariPaket(paket: PaketOffline, desaKode: string, tahun: number, bulan: number): { desa: PaketDesa; laporan: PaketLaporan } | null {
  const desa = paket.desa.find((d) => d.kode === desaKode);
  const laporan = desa?.laporan.find((l) => l.tahun === tahun && l.bulan === bulan);
  return desa && laporan ? { desa, laporan } : null;
}
