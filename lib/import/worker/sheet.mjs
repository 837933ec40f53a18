// @ts-check
// The first worksheet of an XLSX as CSV text, read with bounds (issue 13): zip entries inflated as streams
// under a byte budget (zip.mjs), the XML parsed as it is inflated (saxes: no DOM, no entity expansion
// beyond XML's own), only the contract's `width` columns kept. A further non-empty cell, more rows than
// maxRows, or a cell longer than maxCellChars is refused. The sheet's `<dimension>` is never trusted: no
// memory is sized by what the file claims. Output rows sit on their sheet row (empty lines in between),
// so the import's line numbers are Excel's row numbers.
import { SaxesParser } from "saxes";
import { entryChunks, readCentralDirectory, XlsxRefusal } from "./zip.mjs";

/** The last row of an Excel sheet. */
const EXCEL_MAX_ROWS = 1_048_576;

/**
 * @typedef {{ maxRows: number, maxCellChars: number, maxCsvChars: number, maxInflatedBytes: number, maxTotalInflatedBytes: number, maxZipEntries: number }} SheetLimits
 * @typedef {{ name: string, attributes: Record<string, string> }} Tag
 * @typedef {{ open?: (name: string, attributes: Record<string, string>) => void, close?: (name: string) => void, text?: (text: string) => void }} XmlHandlers
 * @typedef {import("./zip.mjs").ZipEntry} ZipEntry
 * @typedef {import("./zip.mjs").InflateBudget} InflateBudget
 */

/** @param {string} name */
const local = (name) => name.slice(name.indexOf(":") + 1);

/**
 * Streams one entry through a SAX parser; a handler's throw stops the inflation.
 * @param {AsyncGenerator<Buffer>} chunks
 * @param {XmlHandlers} h
 */
async function parseXml(chunks, h) {
  const parser = new SaxesParser();
  parser.on("error", () => {
    throw new XlsxRefusal("corrupt");
  });
  parser.on("opentag", (/** @type {Tag} */ tag) => h.open?.(local(tag.name), tag.attributes));
  if (h.close) parser.on("closetag", (/** @type {Tag} */ tag) => h.close?.(local(tag.name)));
  if (h.text) {
    parser.on("text", (t) => h.text?.(t));
    parser.on("cdata", (t) => h.text?.(t));
  }
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}

/** @param {Record<string, string>} attributes @param {string} name */
function attr(attributes, name) {
  for (const [k, v] of Object.entries(attributes)) if (local(k) === name) return v;
  return undefined;
}

/** "XFD1048576" → column 16383 (0-based), row 1048576. @param {string} ref */
function cellRef(ref) {
  const m = /^([A-Z]{1,3})(\d+)$/i.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

/** 0 → "A", 16383 → "XFD". @param {number} col */
export function columnLetter(col) {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** @param {string} s */
function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @param {string} value */
const shown = (value) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** Resolves a relationship target against xl/. @param {string} target */
function xlPath(target) {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/**
 * The path of the first sheet (workbook order) and of the shared strings, from workbook.xml and its rels.
 * @param {(name: string) => ZipEntry | undefined} find
 * @param {(entry: ZipEntry) => AsyncGenerator<Buffer>} chunks
 */
async function locateParts(find, chunks) {
  const workbook = find("xl/workbook.xml");
  const rels = find("xl/_rels/workbook.xml.rels");
  /** @type {string | undefined} */
  let firstId;
  if (workbook) {
    await parseXml(chunks(workbook), {
      open(name, a) {
        if (name === "sheet" && firstId === undefined) firstId = attr(a, "id") ?? "";
      },
    });
  }
  /** @type {Map<string, string>} */
  const targets = new Map();
  let shared = "xl/sharedStrings.xml";
  if (rels) {
    await parseXml(chunks(rels), {
      open(name, a) {
        if (name !== "Relationship") return;
        const target = a.Target ?? "";
        targets.set(a.Id ?? "", xlPath(target));
        if ((a.Type ?? "").endsWith("/sharedStrings")) shared = xlPath(target);
      },
    });
  }
  const sheet = (firstId !== undefined && targets.get(firstId)) || "xl/worksheets/sheet1.xml";
  return { sheet, shared };
}

/**
 * Shared strings; one longer than maxCellChars is kept as null (refused only if a read cell uses it).
 * @param {AsyncGenerator<Buffer>} chunks
 * @param {SheetLimits} limits
 * @param {number} width
 */
async function readSharedStrings(chunks, limits, width) {
  /** @type {(string | null)[]} */
  const strings = [];
  const maxStrings = limits.maxRows * width;
  let cur = "";
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  await parseXml(chunks, {
    open(name) {
      if (name === "si") {
        inSi = true;
        cur = "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && inSi && phonetic === 0) inT = true;
    },
    close(name) {
      if (name === "si") {
        if (strings.length >= maxStrings) throw new XlsxRefusal("rows", { max: limits.maxRows });
        strings.push(cur.length > limits.maxCellChars ? null : cur);
        inSi = false;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inT = false;
    },
    text(t) {
      if (inT && cur.length <= limits.maxCellChars) cur += t;
    },
  });
  return strings;
}

/**
 * @param {Buffer} buf the XLSX file
 * @param {number} width the contract's column count: columns A.. up to it are read
 * @param {SheetLimits} limits
 * @returns {Promise<string>} CSV text (comma, LF), rows on their sheet row numbers
 */
export async function xlsxToCsv(buf, width, limits) {
  const entries = readCentralDirectory(buf, limits.maxZipEntries);
  const lower = new Map([...entries.values()].map((e) => [e.name.toLowerCase(), e]));
  /** @param {string} name */
  const find = (name) => entries.get(name) ?? lower.get(name.toLowerCase());
  /** @type {InflateBudget} */
  const budget = { perEntry: limits.maxInflatedBytes, left: limits.maxTotalInflatedBytes };
  /** @param {ZipEntry} e */
  const chunks = (e) => entryChunks(buf, e, budget);

  const parts = await locateParts(find, chunks);
  const sheetEntry = find(parts.sheet);
  if (!sheetEntry) throw new XlsxRefusal("corrupt");
  const sharedEntry = find(parts.shared);
  const shared = sharedEntry ? await readSharedStrings(chunks(sharedEntry), limits, width) : [];

  /** @type {string[]} */
  const lines = [];
  let emitted = 0;
  let lastLine = 0; // sheet row of the last line written
  let csvChars = 0; // characters of the CSV so far: shared strings repeated in many cells can multiply it
  let row = 0;
  let col = -1;
  let type = "";
  let cells = /** @type {string[]} */ ([]);
  let value = "";
  let inValue = false;
  let ref = "";
  let firstRow = true; // the header: the first row with data

  const endCell = () => {
    let text = value;
    if (type === "s") {
      const i = Number(value);
      const s = Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i] : undefined;
      if (s === undefined) throw new XlsxRefusal("corrupt");
      if (s === null) throw new XlsxRefusal("cell", { max: limits.maxCellChars, row, column: ref });
      text = s;
    } else if (type === "b") text = value === "1" ? "true" : value === "0" ? "false" : value;
    else if (type === "e") text = "";
    else if (type === "" || type === "n") {
      const n = Number(value);
      text = value.trim() === "" || !Number.isFinite(n) ? value : String(n);
    }
    text = text.trim();
    if (text === "") return;
    if (col >= width) {
      throw new XlsxRefusal("columns", { row, column: columnLetter(col), value: shown(text), header: firstRow });
    }
    cells[col] = text;
  };

  await parseXml(chunks(sheetEntry), {
    open(name, a) {
      if (name === "row") {
        const r = Number(a.r);
        row = Number.isInteger(r) && r > row ? r : row + 1;
        col = -1;
        cells = [];
      } else if (name === "c") {
        const at = cellRef(a.r ?? "");
        col = at ? at.col : col + 1;
        ref = at ? (a.r ?? "").toUpperCase() : `${columnLetter(col)}${row}`;
        type = a.t ?? "";
        value = "";
      } else if (name === "v" || (name === "t" && type === "inlineStr")) inValue = true;
    },
    close(name) {
      if (name === "v" || name === "t") inValue = false;
      else if (name === "c") endCell();
      else if (name === "row") {
        if (cells.length === 0) return;
        // A row with data beyond Excel's last (1,048,576) is no sheet Excel wrote; the empty rows before it
        // would become that many lines of the CSV (the line numbers of the errors follow the sheet's rows).
        if (row > EXCEL_MAX_ROWS) throw new XlsxRefusal("corrupt");
        if (++emitted > limits.maxRows) throw new XlsxRefusal("rows", { max: limits.maxRows });
        const fields = Array.from({ length: width }, (_, i) => csvField(cells[i] ?? ""));
        const gap = row - lastLine - 1;
        const line = (gap > 0 ? "\n".repeat(gap) : "") + fields.join(",");
        csvChars += line.length + 1;
        if (csvChars > limits.maxCsvChars) throw new XlsxRefusal("inflated", { max: limits.maxCsvChars });
        lines.push(line);
        lastLine = row;
        firstRow = false;
      }
    },
    text(t) {
      if (!inValue) return;
      value += t;
      if (value.length > limits.maxCellChars) throw new XlsxRefusal("cell", { max: limits.maxCellChars, row, column: ref });
    },
  });
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}
