import { ScrollRegion } from "@/components/ui/scroll-region";
import { MarkupBody } from "@/components/ui/markup-body";
import type { ChildRow } from "@/lib/data/dashboard";
import { SPM_KODES } from "@/lib/spm/catalog";
import { formatAngka } from "@/lib/i18n/format";
import { KELAS_TAMPILAN, LEGENDA_KELAS } from "@/lib/i18n/kelas";
import { wilayahHref } from "@/lib/wilayah/href";
import { el, join, softLink, type Markup } from "@/lib/html/markup";

/**
 * Children × SPM services, coloured by each figure's class (lib/spm decides it on the exact capaian; the
 * colours are lib/i18n/kelas.ts's heatmap classes), with the numbers readable. A row per child: built as
 * markup (lib/html/markup.ts), not React elements.
 */
export function Heatmap({ rows, query }: { rows: ChildRow[]; query: string }) {
  return (
    <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="heatmap">
      <h2 id="heatmap" className="text-lg font-semibold">Tabel warna capaian SPM</h2>
      <p className="mb-2 text-xs text-slate-600">{LEGENDA_KELAS}</p>
      <ScrollRegion>
        <table className="heatmap text-xs tabular-nums">
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 bg-white px-2 py-1 text-left">Wilayah</th>
              {SPM_KODES.map((k) => (
                <th key={k} scope="col" className="px-1 py-1">{k.replace("SPM-", "")}</th>
              ))}
            </tr>
          </thead>
          <MarkupBody rows={heatmapRows(rows, query)} />
        </table>
      </ScrollRegion>
    </section>
  );
}

/** The rows: the child's name as a link, then one cell per SPM service. */
export function heatmapRows(rows: readonly ChildRow[], query: string): Markup {
  return join(rows.map((r) => {
    const byKode = new Map(r.figures.map((f) => [f.indikator, f]));
    return el("tr", {},
      el("th", { scope: "row" }, softLink(wilayahHref(r, query), r.nama)),
      ...SPM_KODES.map((k) => {
        const f = byKode.get(k)!;
        return el("td", { class: KELAS_TAMPILAN[f.kelas].heatmap }, formatAngka(f.capaian));
      }));
  }));
}
