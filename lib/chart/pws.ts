import { BULAN_SINGKAT } from "@/lib/i18n/format";

// Geometry of the grafik PWS (cumulative capaian per month against the target line), drawn on the server
// as SVG (components/dashboard/pws-chart.tsx). Pure: points in, coordinates out. The x-axis always has the
// twelve months of the year (Jan..Des), whatever month the figures run to; the y-axis starts at 0 and ends
// at a round value at or above 100 % and above every point.

export interface PwsPoint {
  /** 1..12 */
  bulan: number;
  /** Capaian (%) of months 1..bulan; null without sasaran (no point drawn). */
  capaian: number | null;
  /** Target line TL(bulan) in %. */
  target: number;
}

export interface ChartFrame {
  width: number;
  height: number;
  /** Room for the axis labels around the plot. */
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface PlottedPoint {
  bulan: number;
  value: number;
  x: number;
  y: number;
}

export interface PwsGeometry {
  frame: ChartFrame;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The top of the y scale (%). */
  yMax: number;
  yTicks: { value: number; y: number }[];
  /** Always 12: Jan..Des, at the centre of their band. */
  months: { bulan: number; label: string; x: number }[];
  capaian: PlottedPoint[];
  target: PlottedPoint[];
  /** SVG path data ("M x y L x y …"); empty when there is no point. Null capaian are skipped (the line joins the points around them). */
  capaianPath: string;
  targetPath: string;
}

const STEPS = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];
const MAX_TICKS = 5;

/** The top of a scale from 0 covering `max` (at least 100) in at most 5 round steps, and the step. */
export function niceScale(max: number): { top: number; step: number } {
  const m = Math.max(100, Number.isFinite(max) ? max : 0);
  for (const step of STEPS) {
    const n = Math.ceil(m / step);
    if (n <= MAX_TICKS) return { top: n * step, step };
  }
  const step = 10 ** Math.ceil(Math.log10(m / MAX_TICKS));
  return { top: Math.ceil(m / step) * step, step };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function path(points: readonly PlottedPoint[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
}

export function pwsGeometry(points: readonly PwsPoint[], frame: ChartFrame): PwsGeometry {
  const plot = { left: frame.margin.left, right: frame.width - frame.margin.right, top: frame.margin.top, bottom: frame.height - frame.margin.bottom };
  const band = (plot.right - plot.left) / 12;
  const xOf = (bulan: number) => r1(plot.left + (bulan - 0.5) * band);
  const { top, step } = niceScale(Math.max(0, ...points.flatMap((p) => [p.capaian ?? 0, p.target])));
  const yOf = (v: number) => r1(plot.bottom - (Math.max(0, v) / top) * (plot.bottom - plot.top));
  const yTicks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => ({ value: i * step, y: yOf(i * step) }));
  const months = BULAN_SINGKAT.map((label, i) => ({ bulan: i + 1, label, x: xOf(i + 1) }));
  const inYear = points.filter((p) => p.bulan >= 1 && p.bulan <= 12);
  const capaian = inYear.filter((p) => p.capaian !== null).map((p) => ({ bulan: p.bulan, value: p.capaian!, x: xOf(p.bulan), y: yOf(p.capaian!) }));
  const target = inYear.map((p) => ({ bulan: p.bulan, value: p.target, x: xOf(p.bulan), y: yOf(p.target) }));
  return { frame, plot, yMax: top, yTicks, months, capaian, target, capaianPath: path(capaian), targetPath: path(target) };
}
