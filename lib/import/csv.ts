// RFC 4180 CSV parsing: quoted fields, doubled quotes, CRLF or LF line ends, an optional UTF-8 BOM.
// Returns rows with the 1-based line number where each row starts (the header is line 1).

export interface CsvRow {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let fieldStarted = false;
  const endRow = () => {
    fields.push(field);
    // A line that is completely empty is skipped (e.g. the trailing newline).
    if (!(fields.length === 1 && fields[0] === "" && !fieldStarted)) rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
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
    } else if (c === ",") {
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
