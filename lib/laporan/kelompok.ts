import type { KonteksValidasi } from "@/lib/laporan/validasi";
import { INDIKATOR, KLASTER, type Indikator } from "@/lib/spm/catalog";

// The form's indicators grouped by klaster, with what its live figures need (sasaran, realisasi up to the
// month before): built from a report's validation context, online by the page and offline from the
// device's package (lib/offline/paket), so both forms show the same thing.

export interface FormIndikator extends Pick<Indikator, "kode" | "nama" | "jenis" | "target" | "arah"> {
  sasaran: number | null;
  /** Realisasi up to the month before (kumulatif, jumlah). */
  sebelum: number;
  /** Whether a counted value was reported in January..the month before (kumulatif, jumlah: the figure has data
   *  even when this month is empty, as on the dashboards). */
  adaSebelum: boolean;
}

export interface KelompokForm {
  kode: string;
  nama: string;
  indikator: FormIndikator[];
}

export function kelompokForm(konteks: KonteksValidasi): KelompokForm[] {
  return KLASTER.map((k) => ({
    kode: k.kode,
    nama: k.nama,
    indikator: INDIKATOR.filter((i) => i.klaster === k.kode).map((i) => ({
      kode: i.kode, nama: i.nama, jenis: i.jenis, target: i.target, arah: i.arah,
      sasaran: konteks.sasaran[i.kode] ?? null,
      sebelum: konteks.kumulatifSebelum[i.kode] ?? 0,
      adaSebelum: konteks.kumulatifSebelum[i.kode] !== undefined,
    })),
  })).filter((k) => k.indikator.length > 0);
}
