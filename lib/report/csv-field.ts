// The one writer of CSV fields and of exported spreadsheet text, used by every CSV Pantau writes (the SPM
// report, the values template, the DHIS2 mapping file) and by the XLSX export's text cells.
//
// Formula injection (CSV injection): a spreadsheet opening an exported file reads a text cell that starts
// with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula. Exported text that starts so gets a
// leading `'`, the usual neutraliser (OWASP "CSV Injection"). Numbers stay numbers (a negative number is
// written as a number, not as text); Kemendagri codes such as `36.04` and indicator codes such as
// `SPM-01` start with none of these and are written unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;

/** Exported text as a spreadsheet must show it: a leading `'` when it would otherwise be a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvFieldOptions {
  /**
   * Default true. false only for CSV that Pantau itself reads back and never shows in a spreadsheet
   * (an uploaded XLSX turned into CSV for the importer must keep `-5` as typed, so the row is refused).
   */
  neutralise?: boolean;
}

/**
 * One CSV field (RFC 4180): null and undefined are empty; numbers are written as JavaScript prints them
 * (dot decimal separator, no grouping); text is neutralised, then quoted when it holds a comma, a double
 * quote, CR or LF (quotes doubled).
 */
export function csvField(value: string | number | null | undefined, opts: CsvFieldOptions = {}): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  const text = opts.neutralise === false ? value : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (without its line end). */
export function csvRow(values: readonly (string | number | null | undefined)[], opts: CsvFieldOptions = {}): string {
  return values.map((v) => csvField(v, opts)).join(",");
}

/** A text cell value for an XLSX export: neutralised like a CSV field; numbers and null pass unchanged. */
export function xlsxCell<T extends string | number | null | undefined>(value: T): T {
  return (typeof value === "string" ? neutraliseFormula(value) : value) as T; // a string stays a string
}
