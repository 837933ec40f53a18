import { pwsGeometry, type ChartFrame, type PwsPoint } from "@/lib/chart/pws";
import { BULAN_SINGKAT, formatPersen } from "@/lib/i18n/format";

// The grafik PWS drawn on the server as SVG (geometry: lib/chart/pws.ts): in the first paint, printable,
// readable without JavaScript (a <title> per point; the numbers are also in the table beside it), no chart
// library. Two frames share the geometry: a narrow one for phones (its text stays readable at 360 px) and a
// wide one from the sm breakpoint on (and in print); CSS shows one.

const COLOR = { capaian: "#115e59", target: "#b45309", grid: "#e2e8f0", axis: "#475569" };
const NARROW: ChartFrame = { width: 300, height: 200, margin: { top: 10, right: 4, bottom: 22, left: 38 } };
const WIDE: ChartFrame = { width: 640, height: 240, margin: { top: 12, right: 12, bottom: 24, left: 48 } };

function Svg({ data, label, frame, className }: { data: PwsPoint[]; label: string; frame: ChartFrame; className: string }) {
  const g = pwsGeometry(data, frame);
  const font = frame === NARROW ? 11 : 12;
  return (
    <svg viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-label={label} className={className} data-testid="grafik-pws" fontSize={font}>
      <title>{label}</title>
      {g.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} stroke={COLOR.grid} strokeDasharray={t.value === 0 ? undefined : "3 3"} />
          <text x={g.plot.left - 4} y={t.y} dy="0.35em" textAnchor="end" fill={COLOR.axis}>{`${t.value} %`}</text>
        </g>
      ))}
      {g.months.map((m) => (
        <text key={m.bulan} x={m.x} y={frame.height - 6} textAnchor="middle" fill={COLOR.axis}>{m.label}</text>
      ))}
      <path d={g.targetPath} fill="none" stroke={COLOR.target} strokeWidth={2} strokeDasharray="6 4" />
      {g.capaianPath && <path d={g.capaianPath} fill="none" stroke={COLOR.capaian} strokeWidth={2} />}
      {g.capaian.map((p) => (
        <circle key={p.bulan} cx={p.x} cy={p.y} r={frame === NARROW ? 3 : 4} fill={COLOR.capaian}>
          <title>{`${BULAN_SINGKAT[p.bulan - 1]}: capaian kumulatif ${formatPersen(p.value)}, garis target ${formatPersen(data.find((d) => d.bulan === p.bulan)?.target)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

/** The PWS picture: cumulative capaian by month against the target line. Numbers also in a table beside. */
export function PwsChart({ data, label }: { data: PwsPoint[]; label: string }) {
  return (
    <figure className="m-0">
      <Svg data={data} label={label} frame={NARROW} className="block h-auto w-full sm:hidden print:hidden" />
      <Svg data={data} label={label} frame={WIDE} className="hidden h-auto w-full max-w-3xl sm:block print:block" />
      <figcaption className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-700">
        <span><svg width="20" height="8" aria-hidden="true" className="mr-1 inline"><line x1="0" x2="20" y1="4" y2="4" stroke={COLOR.capaian} strokeWidth="2" /></svg>Capaian kumulatif</span>
        <span><svg width="20" height="8" aria-hidden="true" className="mr-1 inline"><line x1="0" x2="20" y1="4" y2="4" stroke={COLOR.target} strokeWidth="2" strokeDasharray="6 4" /></svg>Garis target</span>
      </figcaption>
    </figure>
  );
}
