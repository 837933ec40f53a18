import { ScrollHint, ScrollRegion } from "@/components/ui/scroll-region";
import { KLASTER, type Indikator } from "@/lib/spm/catalog";
import type { Figure } from "@/lib/spm/figure";
import { formatAngka, formatPersen } from "@/lib/i18n/format";
import { PwsBadge } from "./pws-badge";
import { KelasBadge } from "./kelas-badge";

/** Cluster indicators (beyond SPM) grouped by klaster, with the same figures and PWS status. */
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
              <tbody>
                {rows.map(({ ind, figure: f }) => (
                  <tr key={ind.kode} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-1 text-left font-normal">
                      {ind.nama} <span className="text-xs text-slate-500">({ind.kode})</span>
                    </th>
                    <td className="px-3 py-1 text-right tabular-nums">{formatAngka(f.realisasi)}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{formatAngka(f.sasaran)}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{formatPersen(f.capaian)}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{ind.jenis === "jumlah" ? "–" : formatPersen(f.target)}</td>
                    <td className="px-3 py-1">
                      {ind.jenis === "jumlah" ? (
                        <span className="text-xs text-slate-600">{ind.arah === "turun" ? "jumlah kasus (makin kecil makin baik)" : "jumlah"}</span>
                      ) : (
                        <span className="flex flex-wrap gap-1">
                          <KelasBadge kelas={f.kelas} />
                          <PwsBadge status={f.pws?.status} />
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        );
      })}
    </div>
  );
}
