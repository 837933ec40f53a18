import pg from "pg";

// Several statements in one round trip. A form save is a dozen short statements; on this 2-core machine
// each round trip to PostgreSQL costs the web server about as much as the statement itself (waking up,
// parsing the answer, being descheduled for PostgreSQL), so statements that do not wait for each other's
// answer in JavaScript are sent together: one simple-protocol query, the statements separated by `;`.
// PostgreSQL runs them in order, each with its own snapshot (READ COMMITTED), inside the caller's
// transaction when one is open; the first that fails stops the rest.
//
// The simple protocol takes no parameters, so each `$n` is replaced by its value as a quoted literal: the
// text pg would send for it, quoted with pg's escapeLiteral. A quoted literal has no type of its own
// until PostgreSQL resolves it from its context, as an untyped parameter does, so a statement means the
// same inlined as bound (tests/integration/db-batch.test.ts runs the two side by side).

export type Statement = readonly [text: string, params?: readonly unknown[]];

/** The text pg sends for a parameter (its text format), or null for SQL NULL. */
export function parameterText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  // A Date is refused: pg sends it in the process's local time with its offset, and a column without a
  // time zone would then differ from the same value inlined; callers pass ISO strings (toISOString()).
  if (Array.isArray(value)) return `{${value.map(arrayElement).join(",")}}`;
  throw new TypeError(`no literal for a parameter of type ${Object.prototype.toString.call(value)}`);
}

function arrayElement(value: unknown): string {
  if (Array.isArray(value)) return parameterText(value)!;
  const text = parameterText(value);
  return text === null ? "NULL" : `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** `value` as a SQL literal: NULL, or its text quoted. */
export function literal(value: unknown): string {
  const text = parameterText(value);
  return text === null ? "NULL" : pg.escapeLiteral(text);
}

/**
 * `text` with each parameter `$n` replaced by `literal(params[n - 1])`. Quoted strings, quoted identifiers
 * and comments are passed over; a dollar-quoted or backslash-escaped string is refused (nothing here
 * writes one, and telling its end needs more than this scanner knows).
 */
export function inlineParams(text: string, params: readonly unknown[] = []): string {
  let out = "";
  let i = 0;
  const used = new Set<number>();
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "'" || c === '"') {
      if (c === "'" && /[eE]/.test(text[i - 1] ?? "") && !/[\w$]/.test(text[i - 2] ?? "")) throw new Error("inlineParams: E'' strings are not supported");
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Error("inlineParams: unterminated quote");
        if (text[j] === c) {
          if (text[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === "-" && next === "-") {
      const end = text.indexOf("\n", i);
      const j = end < 0 ? text.length : end;
      out += text.slice(i, j);
      i = j;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) throw new Error("inlineParams: unterminated comment");
      out += text.slice(i, end + 2);
      i = end + 2;
    } else if (c === "$" && /\d/.test(next ?? "") && !/[\w$]/.test(text[i - 1] ?? "")) {
      let j = i + 1;
      while (/\d/.test(text[j] ?? "")) j++;
      const n = Number(text.slice(i + 1, j));
      if (n < 1 || n > params.length) throw new Error(`inlineParams: $${n} has no value (${params.length} given)`);
      used.add(n);
      out += literal(params[n - 1]);
      i = j;
    } else if (c === "$" && /[A-Za-z_$]/.test(next ?? "") && !/[\w$]/.test(text[i - 1] ?? "")) {
      throw new Error("inlineParams: dollar-quoted strings are not supported");
    } else {
      out += c;
      i++;
    }
  }
  if (used.size !== params.length) throw new Error(`inlineParams: ${params.length} values for ${used.size} parameters`);
  return out;
}

/**
 * Runs `statements` (each one SQL statement) in one round trip and returns their results in order. The
 * answer must hold one result per statement: a text of two statements would shift every index after it.
 * Call it inside a transaction: the count is checked once the statements have run, and the caller's
 * rollback then undoes what a miscounted text did.
 */
export async function batch(client: pg.ClientBase, statements: readonly Statement[]): Promise<pg.QueryResult[]> {
  if (statements.length === 0) return [];
  const text = statements.map(([sql, params]) => inlineParams(sql, params ?? [])).join(";\n");
  const result = (await client.query(text)) as pg.QueryResult | pg.QueryResult[];
  const results = Array.isArray(result) ? result : [result];
  if (results.length !== statements.length) throw new Error(`batch: ${statements.length} statements, ${results.length} results`);
  return results;
}
