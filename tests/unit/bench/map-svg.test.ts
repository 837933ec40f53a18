import { describe, expect, it } from "vitest";
import { svgBytes } from "../../../scripts/bench/map";

describe("bench: bytes of the map's <svg> in a page", () => {
  it("finds the map among the page's other drawings", () => {
    const chart = '<svg viewBox="0 0 300 200" role="img" aria-label="Capaian kumulatif"><path d="M0 0"/></svg>';
    const map = '<svg viewBox="0 0 800 290" role="graphics-document" aria-label="Peta capaian SPM-01"><a href="/wilayah/36"><path d="M1 1"/></a></svg>';
    expect(svgBytes(`<main>${chart}<p>x</p>${map}</main>`)).toBe(Buffer.byteLength(map));
    expect(svgBytes(`<main>${chart}</main>`)).toBeNull();
  });
});
