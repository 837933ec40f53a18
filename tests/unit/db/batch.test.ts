import { describe, expect, it } from "vitest";
import { inlineParams, literal, parameterText } from "@/lib/db/batch";

// The inliner of lib/db/batch: a parameter becomes the text pg would bind, quoted; everything quoted or
// commented in the statement is left alone. tests/integration/db-batch.test.ts checks the meaning on PostgreSQL.
describe("inlineParams", () => {
  it("replaces each $n with its value, quoted, and leaves the rest of the text", () => {
    expect(inlineParams("SELECT $1::int + $2, $1", [5, "x"])).toBe("SELECT '5'::int + 'x', '5'");
    expect(inlineParams("SELECT 1")).toBe("SELECT 1");
    const ten = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParams(`SELECT ${ten.map((n) => `$${n}`).reverse().join(",")}`, ten)).toBe(`SELECT ${ten.map((n) => `'${n}'`).reverse().join(",")}`);
  });

  it("doubles quotes and backslashes as escapeLiteral does: a value cannot end its literal", () => {
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal("a\\'; DROP TABLE laporan; --")).toBe(" E'a\\\\''; DROP TABLE laporan; --'");
    expect(inlineParams("SELECT $1", ["'); DELETE FROM nilai; --"])).toBe("SELECT '''); DELETE FROM nilai; --'");
  });

  it("writes NULL for null and undefined, and quotes numbers so a negative one never reads as a comment", () => {
    expect(inlineParams("SELECT $1, $2", [null, undefined])).toBe("SELECT NULL, NULL");
    expect(inlineParams("SELECT 1-$1", [-1])).toBe("SELECT 1-'-1'");
    expect(literal(true)).toBe("'true'");
    expect(literal(12345678901234567890n)).toBe("'12345678901234567890'");
  });

  it("passes over string literals, quoted identifiers and comments that hold a $n", () => {
    expect(inlineParams(`SELECT '$1', "a$1", $1 -- $1\n, /* $1 */ $1`, [7])).toBe(`SELECT '$1', "a$1", '7' -- $1\n, /* $1 */ '7'`);
    expect(inlineParams(`SELECT 'it''s $1', $1`, [1])).toBe(`SELECT 'it''s $1', '1'`);
    expect(inlineParams(`SELECT ''||$1`, ["a"])).toBe(`SELECT ''||'a'`);
  });

  it("refuses what it cannot read safely: dollar quotes, E'' strings, unterminated quotes, missing or unused values", () => {
    expect(() => inlineParams("SELECT $$ $1 $$", [1])).toThrow(/dollar/);
    expect(() => inlineParams("SELECT $tag$ x $tag$")).toThrow(/dollar/);
    expect(() => inlineParams("SELECT E'\\' $1'", [1])).toThrow(/E''/);
    expect(() => inlineParams("SELECT 'open", [])).toThrow(/unterminated/);
    expect(() => inlineParams("SELECT /* open", [])).toThrow(/unterminated/);
    expect(() => inlineParams("SELECT $2", [1])).toThrow(/\$2 has no value/);
    expect(() => inlineParams("SELECT $1", [1, 2])).toThrow(/2 values for 1/);
  });

  it("does not take a name ending in E before a quote for an E'' string", () => {
    expect(inlineParams("SELECT DATE '2026-01-01' + $1", [1])).toBe("SELECT DATE '2026-01-01' + '1'");
  });
});

describe("parameterText", () => {
  it("is the text pg binds: dates as ISO, arrays as array literals with quoted elements", () => {
    expect(parameterText(["a", 'b"c', "d\\e", null, "x,y}"])).toBe('{"a","b\\"c","d\\\\e",NULL,"x,y}"}');
    expect(parameterText([])).toBe("{}");
    expect(parameterText([[1, 2], [3, 4]])).toBe('{{"1","2"},{"3","4"}}');
  });

  it("refuses values with no honest text: NaN, infinities, invalid dates, objects", () => {
    expect(() => parameterText(Number.NaN)).toThrow();
    expect(() => parameterText(Infinity)).toThrow();
    expect(() => parameterText(new Date("x"))).toThrow();
    expect(() => parameterText(new Date("2026-12-06T01:02:03.004Z"))).toThrow(/no literal/);
    expect(() => parameterText({ a: 1 })).toThrow();
    expect(() => parameterText(Buffer.from("a"))).toThrow();
  });
});
