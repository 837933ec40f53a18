import { describe, expect, it } from "vitest";
import { pasteBlock } from "@/lib/laporan/paste";

describe("pasteBlock", () => {
  it("a single value is left to the browser", () => {
    expect(pasteBlock("12", 0, 0, 5, 5)).toBeNull();
    expect(pasteBlock("12\n", 0, 0, 5, 5)).toBeNull();
  });

  it("maps an Excel block (tabs, CRLF, trailing newline) from the focused cell", () => {
    expect(pasteBlock("1\t2\r\n3\t4\r\n", 1, 2, 5, 5)).toEqual([
      { row: 1, col: 2, value: "1" },
      { row: 1, col: 3, value: "2" },
      { row: 2, col: 2, value: "3" },
      { row: 2, col: 3, value: "4" },
    ]);
  });

  it("a column of values goes down the column", () => {
    expect(pasteBlock("7\n8\n9", 0, 1, 5, 3)).toEqual([
      { row: 0, col: 1, value: "7" },
      { row: 1, col: 1, value: "8" },
      { row: 2, col: 1, value: "9" },
    ]);
  });

  it("clips what falls outside the grid and keeps empty cells (they clear the value)", () => {
    expect(pasteBlock("1\t\t3\n4\t5\t6", 1, 1, 2, 3)).toEqual([
      { row: 1, col: 1, value: "1" },
      { row: 1, col: 2, value: "" },
    ]);
  });
});
