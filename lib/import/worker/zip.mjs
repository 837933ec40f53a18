// @ts-check
// A zip read from memory with bounds (issue 13): the central directory's entry count, and each entry
// inflated as a stream that stops at a byte budget, so a decompression bomb costs one chunk of memory and
// the time to inflate up to the budget, never its full size. Plain JavaScript: it runs in the XLSX worker
// (xlsx-worker.mjs), which Node loads from disk, outside Next's bundle.
//
// Inflated by fflate (pure JavaScript), not node:zlib: the worker is terminated when it passes its time or
// heap limit, and a termination that lands while a node:zlib stream is being set up or torn down aborts
// the whole process (Node 20: "Assertion `init_done_ && "close before init"' failed" in node_zlib.cc,
// seen once in CI as the test worker of tests/unit/import/xlsx.test.ts dying). In the server that would be
// the server process: a hostile upload would bring it down for everyone. Pure JavaScript holds no native
// handle to clean up, so a termination at any instant ends the worker alone.
import { Inflate } from "fflate";

/** A refusal of the reader; `code` is one of XlsxRefusal's codes (lib/import/xlsx.ts). */
export class XlsxRefusal extends Error {
  /**
   * @param {string} code
   * @param {{ max?: number, row?: number, column?: string, value?: string, header?: boolean }} [detail]
   */
  constructor(code, detail = {}) {
    super(code);
    this.code = code;
    this.detail = detail;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 64 * 1024;
/** Compressed bytes inflated per step (see entryChunks). */
const SLICE = 1024;

/**
 * @typedef {{ name: string, flags: number, method: number, compressed: number, size: number, local: number }} ZipEntry
 * @typedef {{ perEntry: number, left: number }} InflateBudget
 */

/**
 * The entries of the zip's central directory, by name.
 * @param {Buffer} buf
 * @param {number} maxEntries
 * @returns {Map<string, ZipEntry>}
 */
export function readCentralDirectory(buf, maxEntries) {
  let eocd = -1;
  for (let i = buf.length - 22, min = Math.max(0, buf.length - 22 - 0xffff); i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxRefusal("corrupt");
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new XlsxRefusal("unsupported");
  if (total > maxEntries) throw new XlsxRefusal("entries", { max: maxEntries });
  if (cdOffset + cdSize > buf.length) throw new XlsxRefusal("corrupt");
  /** @type {Map<string, ZipEntry>} */
  const entries = new Map();
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new XlsxRefusal("corrupt");
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    entries.set(name, {
      name,
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * An entry's content in chunks, refused ("inflated") as soon as it passes the per-entry budget or the
 * budget left for the whole file. Stored (0) and deflated (8) entries only; encrypted ones are refused.
 * @param {Buffer} buf
 * @param {ZipEntry} entry
 * @param {InflateBudget} budget
 * @returns {AsyncGenerator<Buffer>}
 */
export async function* entryChunks(buf, entry, budget) {
  const max = Math.min(budget.perEntry, budget.left);
  const refuse = () => new XlsxRefusal("inflated", { max: budget.perEntry });
  if (entry.flags & 1) throw new XlsxRefusal("unsupported");
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxRefusal("unsupported");
  if (entry.size > max) throw refuse(); // declared size: may lie, the count below does not
  const at = entry.local;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new XlsxRefusal("corrupt");
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressed > buf.length) throw new XlsxRefusal("corrupt");
  const data = buf.subarray(start, start + entry.compressed);
  let seen = 0;
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) {
      const chunk = data.subarray(i, i + CHUNK);
      seen += chunk.length;
      if (seen > max) throw refuse();
      budget.left -= chunk.length;
      yield chunk;
    }
    return;
  }
  // The compressed bytes go in by slices of SLICE: deflate inflates at most ~1,032× (RFC 1951's longest
  // match per bit), so one slice yields at most ~1 MB before the budget is checked again.
  /** @type {Uint8Array[]} */
  const out = [];
  const inflate = new Inflate((chunk) => void out.push(chunk));
  try {
    for (let i = 0; i === 0 || i < data.length; i += SLICE) {
      inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
      for (let chunk = out.shift(); chunk; chunk = out.shift()) {
        seen += chunk.length;
        if (seen > max) throw refuse();
        budget.left -= chunk.length;
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
    }
  } catch (error) {
    if (error instanceof XlsxRefusal) throw error;
    throw new XlsxRefusal("corrupt"); // invalid or truncated deflate data
  }
}
