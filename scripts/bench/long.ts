import type { Session } from "./http";
import type { AppServer } from "./server";

// The long-run check (`npm run bench -- --long 30`): minutes of mixed traffic from 4 clients (every
// dashboard level and the API in turn, a form save every 30 s, the provinsi XLSX per kabupaten every
// minute and at desa detail every 5 minutes) with the server's resident memory sampled every 5 s, and its
// trend: the least-squares slope after the first fifth of the run (warm-up: V8 and the caches grow to
// their working size). Flat: the fitted growth over that window is at most 25 MB.

export interface LongRequest {
  label: string;
  session: Session;
  path: string;
}

export interface LongRunResult {
  minutes: number;
  heapMb: number;
  requests: number;
  errors: number;
  exports: number;
  saves: number;
  samples: { s: number; rssMb: number }[];
  /** Fitted growth per hour after the warm-up (MB/h) and over that window (MB). */
  slopeMbPerHour: number;
  growthMb: number;
  /** Mean RSS of the first and last 5 minutes after the warm-up. */
  startMb: number;
  endMb: number;
  peakMb: number;
  flat: boolean;
}

export const FLAT_GROWTH_MB = 25;

/** Least-squares slope of y over x. */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

export async function longRun(o: {
  minutes: number;
  app: AppServer;
  gets: LongRequest[];
  exportAnak: LongRequest;
  exportDesa: LongRequest;
  save: (n: number) => Promise<unknown>;
  log: (m: string) => void;
}): Promise<LongRunResult> {
  const started = Date.now();
  const end = started + o.minutes * 60_000;
  const samples: { s: number; rssMb: number }[] = [];
  const sample = () => samples.push({ s: Math.round((Date.now() - started) / 1000), rssMb: o.app.rssMb() });
  sample();
  const timer = setInterval(sample, 5_000);
  let requests = 0;
  let errors = 0;
  let exports = 0;
  let saves = 0;
  const get = async (r: LongRequest) => {
    try {
      const res = await r.session.fetch(r.path);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      requests++;
    } catch (error) {
      if (errors++ < 3) o.log(`  galat ${r.label}: ${error instanceof Error ? error.message : error}`);
    }
  };
  const every = (ms: number, task: () => Promise<void>) =>
    (async () => {
      for (let next = started + ms; next < end; next += ms) {
        await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
        if (Date.now() < end) await task();
      }
    })();
  let i = 0;
  const clients = Array.from({ length: 4 }, async () => {
    while (Date.now() < end) await get(o.gets[i++ % o.gets.length]);
  });
  const progress = setInterval(() => o.log(`  ${Math.round((Date.now() - started) / 60000)} mnt: RSS ${o.app.rssMb()} MB, ${requests} permintaan, ${errors} galat`), 60_000);
  await Promise.all([
    ...clients,
    every(30_000, async () => {
      try {
        await o.save(saves);
        saves++;
      } catch (error) {
        errors++;
        o.log(`  galat simpan: ${error instanceof Error ? error.message : error}`);
      }
    }),
    every(60_000, async () => {
      await get(o.exportAnak);
      exports++;
    }),
    every(300_000, async () => {
      await get(o.exportDesa);
      exports++;
    }),
  ]);
  clearInterval(timer);
  clearInterval(progress);
  sample();
  const warm = (o.minutes * 60) / 5;
  const after = samples.filter((p) => p.s >= warm);
  const perSecond = slope(after.map((p) => ({ x: p.s, y: p.rssMb })));
  const window = (after.at(-1)?.s ?? 0) - (after[0]?.s ?? 0);
  const mean = (xs: { rssMb: number }[]) => Math.round(xs.reduce((a, p) => a + p.rssMb, 0) / Math.max(1, xs.length));
  const growthMb = Math.round(perSecond * window);
  return {
    minutes: o.minutes, heapMb: o.app.heapMb, requests, errors, exports, saves, samples,
    slopeMbPerHour: Math.round(perSecond * 3600), growthMb,
    startMb: mean(after.filter((p) => p.s < (after[0]?.s ?? 0) + 300)),
    endMb: mean(after.filter((p) => p.s > (after.at(-1)?.s ?? 0) - 300)),
    peakMb: o.app.peakRssMb(),
    flat: Math.abs(growthMb) <= FLAT_GROWTH_MB,
  };
}

export function longMarkdown(r: LongRunResult, when: string, command: string): string {
  const min = (s: number) => Math.round(s / 60);
  const byMinute = r.samples.filter((p, i) => i === 0 || i === r.samples.length - 1 || p.s % 60 < 5);
  return [
    `# Pantau long run — ${when.slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Command: \`${command}\`. ${r.minutes} minutes of mixed traffic from 4 clients (desa, puskesmas, kabupaten, provinsi and national dashboards and GET /api/v1/spm in turn), ` +
      `a form save every 30 s (${r.saves}), the provinsi XLSX per kabupaten every minute and at desa detail every 5 minutes (${r.exports} exports); ` +
      `${r.requests.toLocaleString("en-US")} requests, ${r.errors} errors. Server heap limit ${r.heapMb} MB (PANTAU_HEAP_MB).`,
    "",
    `Resident memory (RSS, sampled every 5 s): peak ${r.peakMb} MB; after the warm-up (first fifth) ${r.startMb} MB in its first 5 minutes and ${r.endMb} MB in the last 5; ` +
      `fitted trend ${r.slopeMbPerHour >= 0 ? "+" : ""}${r.slopeMbPerHour} MB/h, ${r.growthMb >= 0 ? "+" : ""}${r.growthMb} MB over the window: ` +
      `${r.flat ? `flat ✅ (|growth| ≤ ${FLAT_GROWTH_MB} MB)` : `growing ❌ (> ${FLAT_GROWTH_MB} MB)`}.`,
    "",
    "| minute | RSS MB |",
    "|---:|---:|",
    ...byMinute.map((p) => `| ${min(p.s)} | ${p.rssMb} |`),
    "",
  ].join("\n");
}
