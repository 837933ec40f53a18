// Bounds on reading an untrusted import file (issue 13): the web upload's and the command line's. Every
// reader of a file or request body takes one of these; a file beyond a bound is refused whole, unread.

export interface ImportLimits {
  /** Bytes of the file as received (an XLSX: compressed). */
  maxBytes: number;
  /** Rows of a CSV, header included (empty lines are not rows); of an XLSX sheet, non-empty rows. */
  maxRows: number;
  /** Characters of one CSV line. */
  maxLineChars: number;
  /** Characters of one XLSX cell (shared strings included). */
  maxCellChars: number;
  /**
   * Characters of the CSV an XLSX becomes. Shared strings let a small sheet repeat one long text in every
   * cell; the web upload also sends the CSV back with its confirmation, under Next's 12 MB action body.
   */
  maxCsvChars: number;
  /** Inflated bytes of one XLSX zip entry (a decompression bomb stops here, mid-entry). */
  maxInflatedBytes: number;
  /** Inflated bytes of all the entries read from one XLSX. */
  maxTotalInflatedBytes: number;
  /** Entries of the XLSX zip's central directory. */
  maxZipEntries: number;
  /** V8 old-generation heap of the worker that reads an XLSX; beyond it the worker (only) dies. */
  workerHeapMb: number;
  /** Seconds the XLSX worker may run before it is terminated. */
  maxSeconds: number;
}

const MB = 1024 * 1024;

/** `/laporan/unggah` (a server action; Next's body limit, next.config.js, sits just above maxBytes). */
export const WEB_LIMITS: ImportLimits = {
  maxBytes: 10 * MB,
  maxRows: 250_000,
  maxLineChars: 10_000,
  maxCellChars: 1_000,
  maxCsvChars: 11 * MB,
  maxInflatedBytes: 64 * MB,
  maxTotalInflatedBytes: 96 * MB,
  maxZipEntries: 1_000,
  workerHeapMb: 128,
  maxSeconds: 20,
};

/** `npm run cli -- import-*`: national files, an operator at the keyboard; still bounded. */
export const CLI_LIMITS: ImportLimits = {
  maxBytes: 512 * MB,
  maxRows: 5_000_000,
  maxLineChars: 10_000,
  maxCellChars: 1_000,
  maxCsvChars: 256 * MB,
  // A sheet holds at most 1,048,576 rows (Excel's limit): ~200 MB of sheet XML for the contract's columns.
  maxInflatedBytes: 256 * MB,
  maxTotalInflatedBytes: 384 * MB,
  maxZipEntries: 1_000,
  workerHeapMb: 512,
  maxSeconds: 600,
};

/** Request bodies of the JSON API (the DHIS2 mapping CSV): bytes, and seconds to receive them. */
export const BODY_LIMITS = { maxBytes: 256 * 1024, maxSeconds: 10 } as const;
