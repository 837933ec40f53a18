import { ScrollRegion } from "@/components/ui/scroll-region";
import { MarkupBody } from "@/components/ui/markup-body";
import type { ChildRow } from "@/lib/data/dashboard";
import type { Indikator } from "@/lib/spm/catalog";
import type { Figure } from "@/lib/spm/figure";
import { formatAngka, formatPersen } from "@/lib/i18n/format";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { wilayahHref } from "@/lib/wilayah/href";
import { el, join, softLink, style, type Markup } from "@/lib/html/markup";
import { pwsBadgeMarkup } from "./pws-badge";

/** A share of the bar's width as CSS (to 0.01 %: finer than a pixel of any screen). */
function pct(share: number): string {
  return `${Math.round(share * 10_000) / 100}%`;
}

/** Grafik PWS of the children: ranked by capaian of one indicator, bars against the target line (no JS). */
export function GrafikChildren({ ind, rows, query }: { ind: Indikator; rows: ChildRow[]; query: string }) {
  const items = ranked(ind, rows);
  const target = items[0]?.f.target ?? 0;
  return (
    <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="grafik-anak">
      <h2 id="grafik-anak" className="text-lg font-semibold">
        Peringkat capaian {ind.kode} · garis target {formatPersen(target)}
      </h2>
      <ScrollRegion>
        <table className="peringkat w-full min-w-[32rem] text-sm">
          <thead className="text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-2">#</th>
              <th scope="col" className="py-1 pr-2">Wilayah</th>
              <th scope="col" className="w-2/5 py-1 pr-2">Capaian</th>
              <th scope="col" className="py-1 pr-2 text-right">Realisasi bulan lalu</th>
              <th scope="col" className="py-1">Status PWS</th>
            </tr>
          </thead>
          <MarkupBody rows={peringkatRows(ind, items, query)} />
        </table>
      </ScrollRegion>
    </section>
  );
}

type Ranked = { r: ChildRow; f: Figure };

/** The children with their figure of `ind`, best capaian first (no capaian last). */
export function ranked(ind: Indikator, rows: readonly ChildRow[]): Ranked[] {
  return rows
    .map((r) => ({ r, f: r.figures.find((f) => f.indikator === ind.kode)! }))
    .sort((a, b) => (b.f.capaian ?? -1) - (a.f.capaian ?? -1));
}

/** The ranking's rows, best capaian first: rank, the child as a link, the bar against the target line, last
 *  month's realisation and the PWS status. Built as markup (lib/html/markup.ts), not React elements. */
export function peringkatRows(ind: Indikator, items: readonly Ranked[], query: string): Markup {
  const target = items[0]?.f.target ?? 0;
  const max = Math.max(100, target, ...items.map((i) => i.f.capaian ?? 0));
  const targetLine = el("div", { class: "bar-target", style: style({ left: pct(target / max) }), "aria-hidden": "true" });
  return join(items.map(({ r, f }, i) =>
    el("tr", { class: "border-t border-slate-100" },
      el("td", { class: "tabular-nums" }, i + 1),
      el("th", { scope: "row", class: "py-1 pr-2 text-left font-normal" }, softLink(wilayahHref(r, query), r.nama)),
      el("td", {},
        el("div", { class: "bar" },
          el("div", { class: "bar-fill", style: style({ width: pct((f.capaian ?? 0) / max), "background-color": `#${KELAS_TAMPILAN[f.kelas].batang}` }) }),
          targetLine,
          el("span", { class: "bar-label" }, formatPersen(f.capaian)))),
      el("td", { class: "text-right tabular-nums" }, r.lalu ? formatAngka(r.lalu.get(ind.kode) ?? 0) : "–"),
      el("td", {}, pwsBadgeMarkup(f.pws?.status)))));
}
