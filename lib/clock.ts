import type { Tanggal } from "@/lib/spm/periode";

// The clock: Pantau's one "today in Jakarta" (WIB, UTC+7, no daylight saving). Everything that needs the
// current date (default report period, months elapsed, deadlines, locks, timeliness of a submission)
// takes it from here, or is given a date by its caller; lib/spm never reads a clock.

/** The calendar date in Asia/Jakarta (WIB) at instant `now` (default: the current time). */
export function todayWib(now: Date = new Date()): Tanggal {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  return { tahun: wib.getUTCFullYear(), bulan: wib.getUTCMonth() + 1, hari: wib.getUTCDate() };
}
