import { formatPersen } from "@/lib/i18n/format";

export interface PwsChartPoint {
  bulan: string;
  capaian: number | null;
  target: number;
}

// Drawn on the server: an SVG for the lines (stretched to the box, strokes unscaled) and HTML for the
// labels and points, so text stays crisp at any width. No chart library reaches the browser (recharts
// alone was 108 KB of gzipped JS on every dashboard). Points carry a title (the browser's tooltip); the
// numbers are in the table beside the chart.

function niceMax(values: number[]): number {
  return Math.ceil(Math.max(100, ...values) / 20) * 20;
}

/** The PWS picture: cumulative capaian by month against the target line. Numbers also in a table beside. */
export function PwsChart({ data, label }: { data: PwsChartPoint[]; label: string }) {
  const top = niceMax(data.flatMap((d) => [d.capaian ?? 0, d.target]));
  const x = (i: number) => (data.length <= 1 ? 50 : (i * 100) / (data.length - 1));
  const y = (v: number) => 100 - (v / top) * 100;
  const step = top > 160 ? 40 : 20;
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  const line = (pts: [number, number][]) => pts.map(([a, b]) => `${a.toFixed(2)},${b.toFixed(2)}`).join(" ");
  const capaian = data.flatMap((d, i): [number, number][] => (d.capaian === null ? [] : [[x(i), y(d.capaian)]]));
  const target = data.map((d, i): [number, number] => [x(i), y(d.target)]);
  return (
    <figure className="w-full" role="img" aria-label={label}>
      <div className="relative h-64 pb-6 pl-12 pr-4 pt-3 text-xs text-slate-600">
        <div className="relative h-full w-full">
          <svg viewBox="0 0 100 100" preserveAspectRatio="none" className="absolute inset-0 h-full w-full overflow-visible" aria-hidden="true">
            {ticks.map((v) => (
              <line key={v} x1={0} x2={100} y1={y(v)} y2={y(v)} stroke="#e2e8f0" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
            ))}
            <polyline points={line(target)} fill="none" stroke="#b45309" strokeWidth={2} strokeDasharray="6 4" vectorEffect="non-scaling-stroke" />
            <polyline points={line(capaian)} fill="none" stroke="#115e59" strokeWidth={2} vectorEffect="non-scaling-stroke" />
          </svg>
          {ticks.map((v) => (
            <span key={v} className="absolute -translate-x-full -translate-y-1/2 pr-1.5 tabular-nums" style={{ left: 0, top: `${y(v)}%` }} aria-hidden="true">
              {v} %
            </span>
          ))}
          {data.map((d, i) => (
            <span key={d.bulan} className="absolute top-full -translate-x-1/2 pt-1" style={{ left: `${x(i)}%` }} aria-hidden="true">
              {d.bulan}
            </span>
          ))}
          {data.map((d, i) =>
            d.capaian === null ? null : (
              <span
                key={d.bulan}
                className="absolute h-2 w-2 -translate-x-1/2 -translate-y-1/2 rounded-full bg-teal-800"
                style={{ left: `${x(i)}%`, top: `${y(d.capaian)}%` }}
                title={`${d.bulan}: capaian ${formatPersen(d.capaian)}, target ${formatPersen(d.target)}`}
              />
            ),
          )}
        </div>
      </div>
      <figcaption className="mt-1 flex flex-wrap justify-center gap-4 text-xs text-slate-700" aria-hidden="true">
        <span><span className="mr-1 inline-block h-0.5 w-5 bg-teal-800 align-middle" />Capaian kumulatif</span>
        <span><span className="mr-1 inline-block w-5 border-t-2 border-dashed border-amber-700 align-middle" />Garis target</span>
      </figcaption>
    </figure>
  );
}
