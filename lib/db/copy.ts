import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

// Bulk loads through PostgreSQL COPY (text format): far faster than row-by-row inserts.

function escapeCopy(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  return String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly (string | number | boolean | null)[]>,
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  function* lines() {
    let chunk = "";
    for (const row of rows) {
      chunk += row.map(escapeCopy).join("\t") + "\n";
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), stream);
}

/**
 * COPY of pre-formatted text: `chunks` yields lines already in COPY text format (tab-separated, `\n`
 * ended, values free of tabs, newlines and backslashes). For generated bulk data (the benchmark's tens of
 * millions of rows), where per-value escaping would dominate the load time.
 */
export async function copyText(client: pg.ClientBase, table: string, columns: readonly string[], chunks: Iterable<string>): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(chunks), stream);
}
