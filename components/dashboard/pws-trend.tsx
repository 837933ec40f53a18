import { ScrollRegion } from "@/components/ui/scroll-region";
import { Link } from "@/components/ui/link";
import type { SeriesPoint } from "@/lib/data/figures";
import type { Indikator } from "@/lib/spm/catalog";
import { BULAN_SINGKAT, formatPersen, roundForDisplay } from "@/lib/i18n/format";
import { PwsChart } from "./pws-chart";

/** Chart of the chosen indicator plus its numbers in a table (the chart's text alternative). Months after
 *  `bulanBerjalan` (the current month, in the current year) have not begun: no capaian is drawn for them
 *  (a flat line there would read as months without service). */
export function PwsTrend({ ind, series, pilihan, hrefFor, bulanBerjalan = 12 }: { ind: Indikator; series: SeriesPoint[]; pilihan: Indikator[]; hrefFor: (kode: string) => string; bulanBerjalan?: number }) {
  // Rounded once here: the chart's point titles and the table print the same values.
  const data = series.map((p) => ({ bulan: p.bulan, capaian: p.capaian === null || p.bulan > bulanBerjalan ? null : roundForDisplay(p.capaian), target: roundForDisplay(p.target) }));
  return (
    <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="pws-trend">
      <h2 id="pws-trend" className="text-lg font-semibold">
        Grafik PWS: {ind.nama}
      </h2>
      {/* Each pill keeps the reader at the chart (#pws-trend) and is a 24 px touch target at least (WCAG 2.5.8). */}
      <nav aria-label="Pilih indikator grafik" className="my-2 flex flex-wrap gap-1.5 text-xs print:hidden">
        {pilihan.map((p) => (
          <Link key={p.kode} href={hrefFor(p.kode)} aria-current={p.kode === ind.kode ? "true" : undefined} className={`inline-flex min-h-6 items-center rounded border px-1.5 no-underline ${p.kode === ind.kode ? "border-teal-800 bg-teal-800 text-white" : "border-slate-300 text-slate-800"}`}>
            {p.kode}
          </Link>
        ))}
      </nav>
      <PwsChart data={data} label={`Capaian kumulatif ${ind.nama} per bulan dibanding garis target; angkanya ada di tabel di bawah.`} />
      <ScrollRegion>
        <table className="mt-2 w-full text-xs tabular-nums">
          <caption className="sr-only">Capaian kumulatif dan garis target per bulan</caption>
          <thead>
            <tr>
              <th scope="row" className="pr-2 text-left">Bulan</th>
              {data.map((d) => (
                <th key={d.bulan} scope="col" className="px-1 text-right font-medium">{BULAN_SINGKAT[d.bulan - 1]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="pr-2 text-left font-normal">Capaian</th>
              {data.map((d) => (
                <td key={d.bulan} className="whitespace-nowrap px-1 text-right">{formatPersen(d.capaian)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row" className="pr-2 text-left font-normal">Target</th>
              {data.map((d) => (
                <td key={d.bulan} className="whitespace-nowrap px-1 text-right">{formatPersen(d.target)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
