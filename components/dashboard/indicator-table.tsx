import { ScrollHint, ScrollRegion } from "@/components/ui/scroll-region";
import { KLASTER, type Indikator } from "@/lib/spm/catalog";
import type { Figure } from "@/lib/spm/figure";
import { formatAngka, formatPersen } from "@/lib/i18n/format";
import { MarkupBody } from "@/components/ui/markup-body";
import { el, join, type Markup } from "@/lib/html/markup";
import { pwsBadgeMarkup } from "./pws-badge";
import { kelasBadgeMarkup } from "./kelas-badge";

/** Cluster indicators (beyond SPM) grouped by klaster, with the same figures and PWS status. The rows are
 *  built as markup (lib/html/markup.ts), not React elements: some forty on every dashboard. */
export function IndicatorTable({ items }: { items: { ind: Indikator; figure: Figure }[] }) {
  return (
    <div className="space-y-4">
      <ScrollHint />
      {KLASTER.map((k) => {
        const rows = items.filter((i) => i.ind.klaster === k.kode);
        if (rows.length === 0) return null;
        return (
          <ScrollRegion key={k.kode} label={`Indikator ${k.nama}`} className="rounded border border-slate-200 bg-white" hint={false}>
            <table className="w-full min-w-[36rem] text-sm">
              <caption className="px-3 py-2 text-left font-semibold">
                {k.kode} · {k.nama}
              </caption>
              <thead className="bg-slate-50 text-left text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-1">Indikator</th>
                  <th scope="col" className="px-3 py-1 text-right">Realisasi</th>
                  <th scope="col" className="px-3 py-1 text-right">Sasaran</th>
                  <th scope="col" className="px-3 py-1 text-right">Capaian</th>
                  <th scope="col" className="px-3 py-1 text-right">Target</th>
                  <th scope="col" className="px-3 py-1">Status</th>
                </tr>
              </thead>
              <MarkupBody rows={indikatorRows(rows)} />
            </table>
          </ScrollRegion>
        );
      })}
    </div>
  );
}

/** One row per indicator: name and code, realisasi, sasaran, capaian, target, then class and PWS status (a
 *  count indicator has neither: it says what its number is). */
export function indikatorRows(rows: readonly { ind: Indikator; figure: Figure }[]): Markup {
  const cell = (text: string) => el("td", { class: "px-3 py-1 text-right tabular-nums" }, text);
  return join(rows.map(({ ind, figure: f }) =>
    el("tr", { class: "border-t border-slate-100" },
      el("th", { scope: "row", class: "px-3 py-1 text-left font-normal" }, ind.nama, " ", el("span", { class: "text-xs text-slate-500" }, `(${ind.kode})`)),
      cell(formatAngka(f.realisasi)),
      cell(formatAngka(f.sasaran)),
      cell(formatPersen(f.capaian)),
      cell(ind.jenis === "jumlah" ? "–" : formatPersen(f.target)),
      el("td", { class: "px-3 py-1" },
        ind.jenis === "jumlah"
          ? el("span", { class: "text-xs text-slate-600" }, ind.arah === "turun" ? "jumlah kasus (makin kecil makin baik)" : "jumlah")
          : el("span", { class: "flex flex-wrap gap-1" }, kelasBadgeMarkup(f.kelas), pwsBadgeMarkup(f.pws?.status))))));
}
