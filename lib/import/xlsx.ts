import ExcelJS from "exceljs";

// An XLSX upload with the same columns as the CSV is turned into CSV text, then imported by the same code.

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue); // formula: its cached result
    if ("text" in v) return String(v.text);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    return "";
  }
  return String(v);
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The first worksheet as CSV; throws on a file that is not a readable XLSX. */
export async function xlsxToCsv(bytes: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer); // exceljs' types want ArrayBuffer; it reads Buffers
  const ws = wb.worksheets[0];
  if (!ws) return "";
  const lines: string[] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells = Array.from({ length: width }, (_, i) => csvField(cellText(row.getCell(i + 1).value).trim()));
    lines.push(cells.join(","));
  });
  return lines.join("\n") + "\n";
}

export function isXlsx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
