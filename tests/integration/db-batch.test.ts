import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batch, inlineParams } from "@/lib/db/batch";

// lib/db/batch sends statements with their parameters inlined: each must mean on PostgreSQL what the
// same statement with bound parameters means, whatever the value.
let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

const AWKWARD = ["", "O'Brien", "back\\slash", "\\'", "'; DROP TABLE laporan; --", "$1", "$$", "\"quoted\"", "tab\tnew\nline", "émoji 🙂 ążź", "{a,b}", "NULL", "E'x'", "-- comment", "/* c */"];

describe("batch: inlined parameters mean what bound ones mean", () => {
  it("text values come back byte for byte, in text, json and array contexts", async () => {
    for (const v of AWKWARD) {
      const sql = `SELECT $1::text AS t, length($2::text) AS n, to_jsonb($3::text) AS j, $4::text[] AS a, $5 = ANY($6::text[]) AS found`;
      const params = [v, v, v, [v, "x", null], v, ["y", v]];
      const bound = (await client.query(sql, params)).rows[0];
      const [inlined] = await batch(client, [[sql, params]]);
      expect(inlined.rows[0]).toEqual(bound);
      expect(inlined.rows[0].t).toBe(v);
    }
  });

  it("numbers, booleans, nulls and dates resolve to the same types and values as untyped parameters", async () => {
    const sql = `SELECT $1::int + 1 AS i, $2 * 12 + $3 - 6 AS e, $4::timestamp AS ts, $5::bool AS b, $6::int IS NULL AS nul, $7::numeric AS big, tahun FROM (SELECT 2026 AS tahun) x WHERE tahun = $8`;
    const params = [-5, 2026, 10, "2026-12-06T01:02:03.004Z", false, null, "12345678901234567890.5", 2026];
    const bound = (await client.query(sql, params)).rows[0];
    const [inlined] = await batch(client, [[sql, params]]);
    expect(inlined.rows[0]).toEqual(bound);
    expect(inlined.rows[0].e).toBe(2026 * 12 + 10 - 6);
  });

  it("answers one result per statement in order, each statement seeing what the ones before it did", async () => {
    await client.query("BEGIN");
    try {
      const r = await batch(client, [
        [`CREATE TEMP TABLE batch_t (v text) ON COMMIT DROP`],
        [`INSERT INTO batch_t VALUES ($1), ($2)`, ["a'", "b"]],
        [`SELECT count(*)::int AS n FROM batch_t`],
        [`SELECT string_agg(v, ',' ORDER BY v) AS s FROM batch_t WHERE v <> $1`, ["zzz"]],
      ]);
      expect(r).toHaveLength(4);
      expect(r[2].rows[0].n).toBe(2);
      expect(r[3].rows[0].s).toBe("a',b");
    } finally {
      await client.query("ROLLBACK");
    }
  });

  it("a failing statement stops the rest and fails the transaction", async () => {
    await client.query("BEGIN");
    await client.query(`CREATE TEMP TABLE batch_f (v int) ON COMMIT DROP`);
    await expect(batch(client, [[`INSERT INTO batch_f VALUES ($1)`, [1]], [`SELECT 1 / $1::int`, [0]], [`INSERT INTO batch_f VALUES ($1)`, [2]]])).rejects.toThrow(/division by zero/);
    await expect(client.query(`SELECT count(*) FROM batch_f`)).rejects.toThrow(/aborted/);
    await client.query("ROLLBACK");
  });

  it("refuses a text holding two statements (it would shift every result after it)", async () => {
    await expect(batch(client, [[`SELECT 1; SELECT 2`], [`SELECT 3`]])).rejects.toThrow(/2 statements, 3 results/);
  });

  it("an injected value stays a value", async () => {
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS batch_i (v text)`);
    const evil = "x'); DROP TABLE batch_i; --";
    await batch(client, [[`INSERT INTO batch_i VALUES ($1)`, [evil]]]);
    expect((await client.query(`SELECT v FROM batch_i`)).rows).toEqual([{ v: evil }]);
    expect(inlineParams(`SELECT $1`, [evil])).toBe(`SELECT 'x''); DROP TABLE batch_i; --'`);
  });
});
