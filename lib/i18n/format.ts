// id-ID formatting: the only place numbers and dates become text, and where shown numbers are rounded:
// once, to 2 decimals half away from zero (lib/spm/rounding), before Intl prints them. lib/ returns raw
// numbers (DOMAIN.md §6: round only for display and export).
import { roundHalfAwayFromZero } from "@/lib/spm/rounding";

// Made on first use, not when the module loads: in a browser, building an Intl formatter (the time zone's
// above all) costs milliseconds of the page's start-up, and most client code that imports this never
// formats a date.
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
const NUMBER = lazy(() => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 }));
const DATE_TIME = lazy(() => new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta" }));
const PERSEN_TABEL = lazy(() => new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export const NAMA_BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
export const BULAN_SINGKAT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

/** n rounded to 2 decimals half away from zero (45.005 → 45.01; Intl alone would print 45,00 or 45,01 by binary luck). */
export function roundForDisplay(n: number): number {
  return Number.isInteger(n) ? n : roundHalfAwayFromZero(n);
}

export function formatAngka(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : NUMBER().format(roundForDisplay(n));
}

/** `45,3 %`; "–" for null (no sasaran). */
export function formatPersen(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : `${NUMBER().format(roundForDisplay(n))} %`;
}

/** A percentage for a table column: always two decimals (`39,20`) so the figures line up; "–" for null. */
export function formatPersenTabel(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : PERSEN_TABEL().format(roundForDisplay(n));
}

export function formatWaktu(d: Date | null): string {
  return d ? `${DATE_TIME().format(d)} WIB` : "belum ada data";
}

export function formatPeriode(tahun: number, bulan: number): string {
  return `${NAMA_BULAN[bulan - 1]} ${tahun}`;
}
