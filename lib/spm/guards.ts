/** Input checks shared by the SPM functions. Bad input is a programming error here: throw. */

/** A count of people or reports: a whole number ≥ 0 (DOMAIN.md §6, §8). */
export function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}

/** A report month 1..12. */
export function assertBulan(bulan: number, name = "bulan"): void {
  if (!Number.isInteger(bulan) || bulan < 1 || bulan > 12) {
    throw new RangeError(`${name} must be a month 1..12, got ${bulan}`);
  }
}

export function assertTahun(tahun: number, name = "tahun"): void {
  if (!Number.isSafeInteger(tahun) || tahun < 1) {
    throw new RangeError(`${name} must be a positive whole year, got ${tahun}`);
  }
}

/** A parameter such as a target or a prevalence: finite and ≥ 0. */
export function assertNonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
}
