import { ScrollRegion } from "@/components/ui/scroll-region";
import { Link } from "@/components/ui/link";
import type { ChildRow } from "@/lib/data/dashboard";
import { SPM_KODES } from "@/lib/spm/catalog";
import { formatAngka } from "@/lib/i18n/format";
import { KELAS_TAMPILAN, LEGENDA_KELAS } from "@/lib/i18n/kelas";
import { wilayahHref } from "@/lib/wilayah/href";

/**
 * Children × SPM services, coloured by each figure's class (lib/spm decides it on the exact capaian; the
 * colours are lib/i18n/kelas.ts's heatmap classes), with the numbers readable.
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
          <tbody>
            {rows.map((r) => (
              <tr key={r.kode}>
                <th scope="row">
                  <Link href={wilayahHref(r, query)}>{r.nama}</Link>
                </th>
                {SPM_KODES.map((k) => {
                  const f = r.figures.find((x) => x.indikator === k)!;
                  return (
                    <td key={k} className={KELAS_TAMPILAN[f.kelas].heatmap}>
                      {formatAngka(f.capaian)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
