import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { petaIsi, URUTAN_LEGENDA } from "@/lib/i18n/peta";
import { KELAS_CAPAIAN } from "@/lib/spm/kelas";

// class → fill: the map's <path> carries the heatmap cell's class, and app/globals.css fills `.peta .hm-*`
// with the very colour the heatmap cell has as background; the PDF fills with the report's cell colours.
const css = fs.readFileSync("app/globals.css", "utf8");
const rule = (selector: string) => new RegExp(`(^|\\n)\\s*${selector.replace(/\./g, "\\.")} \\{\\s*@apply ([^;]+);`).exec(css)?.[2];

describe("map fills", () => {
  it("fills every class with the colour of its heatmap cell", () => {
    for (const k of KELAS_CAPAIAN) {
      const cls = KELAS_TAMPILAN[k].heatmap;
      const bg = rule(`.${cls}`)?.split(" ").find((u) => u.startsWith("bg-"));
      const fill = rule(`.peta .${cls}`);
      expect(bg, cls).toBeDefined();
      expect(fill, cls).toBe(bg!.replace(/^bg-/, "fill-"));
    }
  });

  it("the legend lists every class once; the PDF uses the cell fills, white without one, grey outside", () => {
    expect([...URUTAN_LEGENDA].sort()).toEqual([...KELAS_CAPAIAN].sort());
    expect(petaIsi("tercapai")).toBe(`#${KELAS_TAMPILAN.tercapai.isi}`);
    expect(petaIsi("tanpa-sasaran")).toBe("#FFFFFF");
    expect(petaIsi(null)).toBe("#94A3B8");
    expect(new Set(KELAS_CAPAIAN.map(petaIsi)).size).toBe(KELAS_CAPAIAN.length);
  });
});
