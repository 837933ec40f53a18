import { MarkupBody } from "@/components/ui/markup-body";
import { el, join, softLink, type Markup } from "@/lib/html/markup";
import type { ChildRow } from "@/lib/data/dashboard";
import { INDIKATOR } from "@/lib/spm/catalog";
import { formatPersen } from "@/lib/i18n/format";
import { wilayahHref } from "@/lib/wilayah/href";

/** Children with status JELEK on any SPM service (for quick action), then completeness and timeliness. The
 *  lists' items and rows are built as markup (lib/html/markup.ts), not React elements. */
export function ChildStatus({ rows, query }: { rows: ChildRow[]; query: string }) {
  const spm = INDIKATOR.filter((i) => i.spm);
  const jelek = rows
    .map((r) => ({ r, kodes: spm.filter((i) => r.figures.find((f) => f.indikator === i.kode)?.pws?.status === "JELEK").map((i) => i.kode) }))
    .filter((x) => x.kodes.length > 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="jelek">
        <h2 id="jelek" className="text-lg font-semibold">Perlu tindakan (status JELEK)</h2>
        {jelek.length === 0 ? (
          <p className="text-sm">Tidak ada wilayah berstatus jelek pada bulan ini.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="daftar-jelek" dangerouslySetInnerHTML={{ __html: jelekItems(jelek, query).html }} />
        )}
      </section>
      <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="kelengkapan">
        <h2 id="kelengkapan" className="text-lg font-semibold">Kelengkapan dan ketepatan laporan</h2>
        <div className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-label="Tabel kelengkapan dan ketepatan">
          <table className="w-full text-sm tabular-nums">
            <thead className="text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1">Wilayah</th>
                <th scope="col" className="py-1 text-right">Kelengkapan</th>
                <th scope="col" className="py-1 text-right">Ketepatan</th>
              </tr>
            </thead>
            <MarkupBody rows={kelengkapanRows(rows)} />
          </table>
        </div>
      </section>
    </div>
  );
}

/** The JELEK list's items: the child as a link, then its services with status JELEK. */
export function jelekItems(jelek: readonly { r: ChildRow; kodes: readonly string[] }[], query: string): Markup {
  return join(jelek.map(({ r, kodes }) => el("li", {}, softLink(wilayahHref(r, query), r.nama), ": ", el("span", { class: "text-xs" }, kodes.join(", ")))));
}

/** The completeness and timeliness rows, one per child. */
export function kelengkapanRows(rows: readonly ChildRow[]): Markup {
  return join(rows.map((r) =>
    el("tr", { class: "border-t border-slate-100" },
      el("th", { scope: "row", class: "py-0.5 text-left font-normal" }, r.nama),
      el("td", { class: "py-0.5 text-right" }, formatPersen(r.kelengkapan)),
      el("td", { class: "py-0.5 text-right" }, formatPersen(r.ketepatan)))));
}
