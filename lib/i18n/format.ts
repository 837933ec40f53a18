// id-ID formatting: the only place numbers and dates become text.
const NUMBER = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });
const DATE_TIME = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta" });

export const NAMA_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
export const BULAN_SINGKAT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

export function formatAngka(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : NUMBER.format(n);
}

/** `45,3 %`; "–" for null (no sasaran). Values arrive already rounded by lib/spm. */
export function formatPersen(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : `${NUMBER.format(n)} %`;
}

const PERSEN_TABEL = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A percentage for a table column: always two decimals (`39,20`) so the figures line up; "–" for null. */
export function formatPersenTabel(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : PERSEN_TABEL.format(n);
}

export function formatWaktu(d: Date | null): string {
  return d ? `${DATE_TIME.format(d)} WIB` : "belum ada data";
}

export function formatPeriode(tahun: number, bulan: number): string {
  return `${NAMA_BULAN[bulan - 1]} ${tahun}`;
}
