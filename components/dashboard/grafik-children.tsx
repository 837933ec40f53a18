import { Link } from "@/components/ui/link";
import type { ChildRow } from "@/lib/data/dashboard";
import type { Indikator } from "@/lib/spm/catalog";
import { formatAngka, formatPersen } from "@/lib/i18n/format";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { wilayahHref } from "@/lib/wilayah/href";
import { PwsBadge } from "./pws-badge";

/** Grafik PWS of the children: ranked by capaian of one indicator, bars against the target line (no JS). */
export function GrafikChildren({ ind, rows, query }: { ind: Indikator; rows: ChildRow[]; query: string }) {
  const items = rows
    .map((r) => ({ r, f: r.figures.find((f) => f.indikator === ind.kode)! }))
    .sort((a, b) => (b.f.capaian ?? -1) - (a.f.capaian ?? -1));
  const target = items[0]?.f.target ?? 0;
  const max = Math.max(100, target, ...items.map((i) => i.f.capaian ?? 0));
  return (
    <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="grafik-anak">
      <h2 id="grafik-anak" className="text-lg font-semibold">
        Peringkat capaian {ind.kode} · garis target {formatPersen(target)}
      </h2>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Tabel, dapat digeser ke samping">
        <table className="w-full min-w-[32rem] text-sm">
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
                <td className="py-1 pr-2 tabular-nums">{i + 1}</td>
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  <Link href={wilayahHref(r, query)}>{r.nama}</Link>
                </th>
                <td className="py-1 pr-2">
                  <div className="relative h-5 min-w-28 rounded bg-slate-100">
                    <div className="h-5 rounded" style={{ width: `${((f.capaian ?? 0) / max) * 100}%`, backgroundColor: `#${KELAS_TAMPILAN[f.kelas].batang}` }} />
                    <div className="absolute top-0 h-5 border-l-2 border-dashed border-slate-900" style={{ left: `${(target / max) * 100}%` }} aria-hidden />
                    <span className="absolute inset-y-0 left-1 whitespace-nowrap rounded bg-white/85 px-0.5 text-xs leading-5 tabular-nums">{formatPersen(f.capaian)}</span>
                  </div>
                </td>
                <td className="py-1 pr-2 text-right tabular-nums">{r.lalu ? formatAngka(r.lalu.get(ind.kode) ?? 0) : "–"}</td>
                <td className="py-1">
                  <PwsBadge status={f.pws?.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
