// RFC 4180 CSV parsing: quoted fields, doubled quotes, CRLF or LF line ends, an optional UTF-8 BOM.
// Returns rows with the 1-based line number where each row starts (the header is line 1).
// The field delimiter is a comma unless told otherwise (detectDelimiter reads it off the header line);
// optional limits bound a physical line's length and the number of rows of an untrusted file.

export interface CsvRow {
  line: number;
  fields: string[];
}

/** Comma (the contract), semicolon (Excel in Indonesian regional settings) or tab. */
export type CsvDelimiter = "," | ";" | "\t";

export interface CsvLimits {
  /** Characters of one physical line (between two line ends), quotes included. */
  maxLineChars?: number;
  /** Rows, the header included (empty lines are not rows). */
  maxRows?: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A file beyond a limit of CsvLimits: `line` is where the limit was passed. */
export class CsvLimitError extends Error {
  constructor(
    readonly line: number,
    readonly limit: "lineChars" | "rows",
    readonly max: number,
  ) {
    super(`CSV ${limit} limit ${max} passed at line ${line}`);
  }
}

/**
 * The delimiter of a file, from its header line (the first non-empty line): a comma whenever the header
 * has one (so the contract's comma files are read exactly as before), else a semicolon, else a tab, else a
 * comma (a one-column header then fails as a wrong header, as it always did).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const start = /^[\r\n]*/.exec(text)![0].length; // empty lines before the header are skipped, as the parser does
  const end = text.slice(start).search(/\r?\n/);
  const header = end === -1 ? text.slice(start) : text.slice(start, start + end);
  if (header.includes(",")) return ",";
  if (header.includes(";")) return ";";
  if (header.includes("\t")) return "\t";
  return ",";
}

export function parseCsv(text: string, delimiter: CsvDelimiter = ",", limits: CsvLimits = {}): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const maxLine = limits.maxLineChars ?? Infinity;
  const maxRows = limits.maxRows ?? Infinity;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let lineStart = 0;
  let inQuotes = false;
  let fieldStarted = false;
  const endRow = () => {
    fields.push(field);
    // A line that is completely empty is skipped (e.g. the trailing newline).
    if (!(fields.length === 1 && fields[0] === "" && !fieldStarted)) {
      if (rows.length >= maxRows) throw new CsvLimitError(rowLine, "rows", maxRows);
      rows.push({ line: rowLine, fields });
    }
    fields = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\n") lineStart = i + 1;
    else if (i - lineStart >= maxLine) throw new CsvLimitError(line, "lineChars", maxLine);
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new CsvSyntaxError(line, "tanda kutip di tengah kolom");
      inQuotes = true;
      fieldStarted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
      fieldStarted = true;
    } else if (c === "\r" && src[i + 1] === "\n") {
      continue;
    } else if (c === "\n") {
      endRow();
      line++;
      rowLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(rowLine, "tanda kutip tidak ditutup");
  if (field !== "" || fields.length > 0 || fieldStarted) endRow();
  return rows;
}
