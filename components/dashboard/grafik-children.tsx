import { ScrollRegion } from "@/components/ui/scroll-region";
import { Link } from "@/components/ui/link";
import type { ChildRow } from "@/lib/data/dashboard";
import type { Indikator } from "@/lib/spm/catalog";
import { formatAngka, formatPersen } from "@/lib/i18n/format";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { wilayahHref } from "@/lib/wilayah/href";
import { PwsBadge } from "./pws-badge";

/** A share of the bar's width as CSS (to 0.01 %: finer than a pixel of any screen). */
function pct(share: number): string {
  return `${Math.round(share * 10_000) / 100}%`;
}

/** Grafik PWS of the children: ranked by capaian of one indicator, bars against the target line (no JS). */
export function GrafikChildren({ ind, rows, query }: { ind: Indikator; rows: ChildRow[]; query: string }) {
  const items = rows
    .map((r) => ({ r, f: r.figures.find((f) => f.indikator === ind.kode)! }))
    .sort((a, b) => (b.f.capaian ?? -1) - (a.f.capaian ?? -1));
  const target = items[0]?.f.target ?? 0;
  const max = Math.max(100, target, ...items.map((i) => i.f.capaian ?? 0));
  const targetLeft = pct(target / max);
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
          <tbody>
            {items.map(({ r, f }, i) => (
              <tr key={r.kode} className="border-t border-slate-100">
                <td className="tabular-nums">{i + 1}</td>
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  <Link href={wilayahHref(r, query)}>{r.nama}</Link>
                </th>
                <td>
                  <div className="bar">
                    <div className="bar-fill" style={{ width: pct((f.capaian ?? 0) / max), backgroundColor: `#${KELAS_TAMPILAN[f.kelas].batang}` }} />
                    <div className="bar-target" style={{ left: targetLeft }} aria-hidden />
                    <span className="bar-label">{formatPersen(f.capaian)}</span>
                  </div>
                </td>
                <td className="text-right tabular-nums">{r.lalu ? formatAngka(r.lalu.get(ind.kode) ?? 0) : "–"}</td>
                <td>
                  <PwsBadge status={f.pws?.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
