// A block pasted from a spreadsheet (Excel, LibreOffice, Google Sheets copy rows as lines of
// tab-separated cells) mapped onto the grid from the focused cell. Pure.

export interface PastedCell {
  row: number;
  col: number;
  value: string;
}

/**
 * The cells a paste fills, starting at (row, col), clipped to the grid's rows × cols; null when the text is
 * one value (the browser pastes it as usual). Thousands separators are kept: validation reports them.
 */
export function pasteBlock(text: string, row: number, col: number, rows: number, cols: number): PastedCell[] | null {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  if (lines.length === 1 && !lines[0].includes("\t")) return null;
  const cells: PastedCell[] = [];
  lines.forEach((line, i) => {
    line.split("\t").forEach((value, j) => {
      const r = row + i;
      const c = col + j;
      if (r < rows && c < cols) cells.push({ row: r, col: c, value: value.trim() });
    });
  });
  return cells;
}
