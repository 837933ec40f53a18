import { isDatabaseUnavailable } from "@/lib/db/errors";
import { MSG } from "./messages";

// Texts of the error pages (app/error.tsx, app/global-error.tsx): no internals, only what the user can do.
export const HALAMAN_GALAT = {
  judul: "Terjadi kesalahan",
  isi: "Halaman tidak dapat dimuat. Coba lagi; bila berulang, hubungi admin.",
  judulDb: "Basis data tidak tersedia",
  isiDb: "Basis data sedang tidak tersedia (misalnya sedang dimulai ulang). Data yang sudah tersimpan aman. Coba lagi sebentar lagi.",
  cobaLagi: "Coba lagi",
  kode: "Kode kejadian",
} as const;

/** What a form action answers for an unexpected error: outage or not, never the error's own text. */
export function pesanGalat(error: unknown): string {
  if (isDatabaseUnavailable(error)) {
    console.warn(`Basis data tidak tersedia: ${String((error as Error).cause ?? error)}`);
    return MSG.dbTidakTersedia;
  }
  console.error(error);
  return MSG.kesalahanUmum;
}
