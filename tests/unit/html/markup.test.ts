import { describe, expect, it } from "vitest";
import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { el, escapeHtml, join, Markup, softLink, style } from "@/lib/html/markup";
import { heatmapRows, Heatmap } from "@/components/dashboard/heatmap";
import { peringkatRows, ranked, GrafikChildren } from "@/components/dashboard/grafik-children";
import { ChildStatus, jelekItems, kelengkapanRows } from "@/components/dashboard/child-status";
import { PwsBadge, pwsBadgeMarkup } from "@/components/dashboard/pws-badge";
import { KelasBadge, kelasBadgeMarkup } from "@/components/dashboard/kelas-badge";
import { indikatorRows, IndicatorTable } from "@/components/dashboard/indicator-table";
import { KELAS_CAPAIAN } from "@/lib/spm/kelas";
import type { ChildRow } from "@/lib/data/dashboard";
import { INDIKATOR, getIndikator } from "@/lib/spm/catalog";
import { computeFigure } from "@/lib/spm/figure";
import { formatAngka, formatPersen } from "@/lib/i18n/format";
import { indeksSpm } from "@/lib/spm/indeks";

describe("escapeHtml and el", () => {
  it("escapes the five characters that can end a value or start markup, as React does", () => {
    const nasty = `<img src=x onerror="alert('1')"> & co`;
    expect(escapeHtml(nasty)).toBe("&lt;img src=x onerror=&quot;alert(&#x27;1&#x27;)&quot;&gt; &amp; co");
    expect(el("p", { title: nasty }, nasty).html).toBe(renderToStaticMarkup(h("p", { title: nasty }, nasty)));
  });

  it("writes attributes in order, leaves out null, undefined and false, and writes true bare", () => {
    expect(el("a", { href: "/x?a=1&b=2", hidden: true, title: null, id: undefined, download: false, tabindex: 0 }).html)
      .toBe('<a href="/x?a=1&amp;b=2" hidden tabindex="0"></a>');
  });

  it("takes strings and numbers as text and only Markup as markup; skips empty children", () => {
    expect(el("td", {}, "<b>", 12, null, false, undefined, el("b", {}, "ok")).html).toBe("<td>&lt;b&gt;12<b>ok</b></td>");
    // A string that looks like markup stays text even when it came out of other markup.
    const built = el("i", {}, "x").html;
    expect(el("td", {}, built).html).toBe("<td>&lt;i&gt;x&lt;/i&gt;</td>");
    expect(el("td", {}, new Markup(built)).html).toBe("<td><i>x</i></td>");
  });

  it("refuses names that are not plain tag or attribute names, and children in a void element", () => {
    expect(() => el("td onclick=x", {})).toThrow(/elemen/);
    expect(() => el("td", { "onclick=x y": "1" })).toThrow(/atribut/);
    expect(() => el("td", { 'a"': "1" })).toThrow(/atribut/);
    expect(() => el("br", {}, "x")).toThrow(/berisi/);
    expect(el("br", { class: "c" }).html).toBe('<br class="c">');
  });

  it("joins pieces, builds a style list, and marks app links for SoftLinks", () => {
    expect(join([el("b", {}, 1), el("i", {}, 2)]).html).toBe("<b>1</b><i>2</i>");
    expect(style({ width: "12.5%", "background-color": "#059669" })).toBe("width:12.5%;background-color:#059669");
    expect(() => style({ width: "1%;position:fixed" })).toThrow(/CSS/);
    expect(() => style({ "width;x": "1%" })).toThrow(/CSS/);
    expect(el("div", { "aria-hidden": true }).html).toBe(renderToStaticMarkup(h("div", { "aria-hidden": true })));
    expect(softLink("/wilayah/36?tahun=2026&bulan=1", "A & B").html).toBe('<a href="/wilayah/36?tahun=2026&amp;bulan=1" data-soft-link>A &amp; B</a>');
  });
});

// Children with awkward names and every kind of figure: capaian above and below the target, none (no
// sasaran), nothing reported, and a previous month or none (January).
function child(i: number, nama: string, lalu: boolean): ChildRow {
  const figures = INDIKATOR.map((ind, j) => {
    const sasaran = (i + j) % 5 === 0 ? null : 100 + i * 7;
    const monthly = Array.from({ length: 12 }, (_, m) => ((i + j + m) % 4 === 0 ? null : (i * 3 + j + m) % 11));
    return computeFigure(ind, { monthly, sasaran, bulan: 8 });
  });
  return {
    kode: `33.06.0${i}`, nama, tingkat: i % 2 ? "puskesmas" : "kecamatan", figures, indeks: indeksSpm([]),
    lalu: lalu ? new Map(INDIKATOR.map((ind, j) => [ind.kode, i * 10 + j])) : null,
    kelengkapan: i % 3 === 0 ? null : (i * 13) % 100, ketepatan: i % 4 === 0 ? null : (i * 17) % 100,
  };
}
const ROWS = [
  child(1, `Kec. "Timur" <script>alert(1)</script>`, true),
  child(2, "Sumber & Rejo's", false),
  child(3, "Ngawen", true),
  child(4, "Wonosari", true),
  child(5, "Tlogo", false),
];
const QUERY = "tahun=2026&bulan=8";

describe("the dashboard rows built as markup", () => {
  it("heatmap: a row per child with a link and one cell per SPM service, text escaped", () => {
    const html = heatmapRows(ROWS, QUERY).html;
    expect(html.match(/<tr>/g)).toHaveLength(ROWS.length);
    expect(html.match(/<td class="hm-/g)).toHaveLength(ROWS.length * 12);
    expect(html).toContain('<a href="/puskesmas/33.06.01?tahun=2026&amp;bulan=8" data-soft-link>Kec. &quot;Timur&quot; &lt;script&gt;alert(1)&lt;/script&gt;</a>');
    expect(html).not.toContain("<script>");
    // The whole table as React renders it around the rows.
    const page = renderToStaticMarkup(h(Heatmap, { rows: ROWS, query: QUERY }));
    expect(page).toContain(`<tbody>${html}</tbody>`);
  });

  it("ranking: best capaian first, bars against the target line, last month's value or a dash", () => {
    const ind = getIndikator("SPM-02")!;
    const items = ranked(ind, ROWS);
    const capaian = items.map((x) => x.f.capaian ?? -1);
    expect(capaian).toEqual([...capaian].sort((a, b) => b - a));
    const html = peringkatRows(ind, items, QUERY).html;
    expect(html.match(/<tr class="border-t border-slate-100">/g)).toHaveLength(ROWS.length);
    expect(html.match(/class="bar-target" style="left:[\d.]+%" aria-hidden="true"/g)).toHaveLength(ROWS.length);
    expect(html).toMatch(/class="bar-fill" style="width:[\d.]+%;background-color:#[0-9A-F]{6}"/);
    // Rank 1 is the best child; a child without a previous month (January) shows a dash.
    expect(html.startsWith(`<tr class="border-t border-slate-100"><td class="tabular-nums">1</td>`)).toBe(true);
    const rowOf = (nama: string) => html.split("</tr>").find((r) => r.includes(nama))!;
    expect(rowOf("Sumber &amp; Rejo&#x27;s")).toContain('<td class="text-right tabular-nums">–</td>');
    expect(rowOf("Ngawen")).toContain(`<td class="text-right tabular-nums">31</td>`);
    expect(renderToStaticMarkup(h(GrafikChildren, { ind, rows: ROWS, query: QUERY }))).toContain(`<tbody>${html}</tbody>`);
  });

  it("the PWS badge is the same as markup and as a React element", () => {
    for (const status of [null, undefined, "BAIK", "CUKUP", "KURANG", "JELEK"] as const) {
      expect(pwsBadgeMarkup(status).html).toBe(renderToStaticMarkup(h(PwsBadge, { status })));
    }
  });

  it("JELEK list and completeness table: links for the list, names as text in the table", () => {
    const jelek = [{ r: ROWS[1], kodes: ["SPM-01", "SPM-07"] }];
    expect(jelekItems(jelek, QUERY).html).toBe(
      '<li><a href="/wilayah/33.06.02?tahun=2026&amp;bulan=8" data-soft-link>Sumber &amp; Rejo&#x27;s</a>: <span class="text-xs">SPM-01, SPM-07</span></li>',
    );
    const rows = kelengkapanRows(ROWS).html;
    expect(rows.match(/<tr /g)).toHaveLength(ROWS.length);
    expect(rows).not.toContain("<a ");
    const page = renderToStaticMarkup(h(Fragment, {}, h(ChildStatus, { rows: ROWS, query: QUERY })));
    expect(page).toContain(`<tbody>${rows}</tbody>`);
  });
});

describe("the klaster indicator rows built as markup", () => {
  it("the class badge is the same as markup and as a React element", () => {
    for (const kelas of KELAS_CAPAIAN) expect(kelasBadgeMarkup(kelas).html).toBe(renderToStaticMarkup(h(KelasBadge, { kelas })));
  });

  it("equal, row for row, what React rendered for them (counts, capaian indicators, no sasaran)", () => {
    const items = INDIKATOR.filter((i) => !i.spm).map((ind, j) => ({
      ind,
      figure: computeFigure(ind, { monthly: Array.from({ length: 12 }, (_, m) => (m + j) % 3 === 0 ? null : (m * 7 + j) % 13), sasaran: j % 4 === 0 ? null : 50 + j, bulan: 7 }),
    }));
    expect(items.some((i) => i.ind.jenis === "jumlah")).toBe(true);
    // The rows as the component wrote them with React elements before (the reference).
    const td = (text: string) => h("td", { className: "px-3 py-1 text-right tabular-nums" }, text);
    const reference = items.map(({ ind, figure: f }) =>
      h("tr", { key: ind.kode, className: "border-t border-slate-100" },
        h("th", { scope: "row", className: "px-3 py-1 text-left font-normal" }, ind.nama, " ", h("span", { className: "text-xs text-slate-500" }, "(", ind.kode, ")")),
        td(formatAngka(f.realisasi)), td(formatAngka(f.sasaran)), td(formatPersen(f.capaian)), td(ind.jenis === "jumlah" ? "–" : formatPersen(f.target)),
        h("td", { className: "px-3 py-1" }, ind.jenis === "jumlah"
          ? h("span", { className: "text-xs text-slate-600" }, ind.arah === "turun" ? "jumlah kasus (makin kecil makin baik)" : "jumlah")
          : h("span", { className: "flex flex-wrap gap-1" }, h(KelasBadge, { kelas: f.kelas }), h(PwsBadge, { status: f.pws?.status })))));
    const html = indikatorRows(items).html;
    expect(html).toBe(renderToStaticMarkup(h(Fragment, {}, ...reference)));
    const page = renderToStaticMarkup(h(IndicatorTable, { items }));
    for (const k of new Set(items.map((i) => i.ind.klaster))) expect(page).toContain(`<tbody>${indikatorRows(items.filter((i) => i.ind.klaster === k)).html}</tbody>`);
  });
});
