// Lighthouse (12.2.3, Debian's Chromium, the default mobile emulation: Moto G Power screen, slow 4G and a
// 4× slower CPU, simulated throttling) of a logged-in page: the desa dashboard on a cheap phone (issue 17).
// `npm run bench:lighthouse [-- --base http://localhost:3000] [--email pkm.anyar@pantau.id]
//   [--path /wilayah/36.04.30.2001] [--runs 3] [--floor]` measures a running server (by default the demo's desa
// dashboard of Anyar as pkm.anyar), with `--floor` the login page after it (lighthouseFloorLine) and the page's
// static copy without scripts (lighthouseContentLine, scripts/bench/static-floor.ts); `npm run bench`
// calls measureLighthouse on its own server, for both.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { Session } from "./http";
import { withStaticCopy } from "./static-floor";

export const LIGHTHOUSE_BUDGET = { performance: 95, lcpMs: 1500, tbtMs: 100 };
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-default-apps", "--mute-audio"];

export interface LighthouseRun {
  performance: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  ttiMs: number;
  cls: number;
  /** Bytes over the wire (compressed), all resources and scripts alone. */
  transferBytes: number;
  scriptTransferBytes: number;
  consoleErrors: string[];
}

export interface LighthouseResult {
  url: string;
  runs: LighthouseRun[];
  /** Each figure's median over the runs (Lighthouse CI's `median` aggregation); console errors of every run. */
  median: LighthouseRun;
  version: string;
}

async function once(url: string, cookie: string, anonymous: boolean): Promise<{ run: LighthouseRun; version: string }> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "best-practices"], extraHeaders: anonymous ? {} : { Cookie: cookie } });
    if (!result) throw new Error("Lighthouse tidak memberi hasil");
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    if (!anonymous && lhr.finalDisplayedUrl.includes("/login")) throw new Error("Lighthouse diarahkan ke /login: sesi tidak terbawa");
    // LIGHTHOUSE_JSON=<dir>: the whole report of each run, for looking into what a metric is made of.
    if (process.env.LIGHTHOUSE_JSON) {
      fs.mkdirSync(process.env.LIGHTHOUSE_JSON, { recursive: true });
      fs.writeFileSync(path.join(process.env.LIGHTHOUSE_JSON, `lighthouse-${Date.now()}.json`), JSON.stringify(lhr));
    }
    const num = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    const items = (id: string) => ((lhr.audits[id]?.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []);
    const byType = (type: string) => Number(items("resource-summary").find((i) => i.resourceType === type)?.transferSize ?? 0);
    return {
      version: lhr.lighthouseVersion,
      run: {
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        fcpMs: num("first-contentful-paint"),
        lcpMs: num("largest-contentful-paint"),
        tbtMs: num("total-blocking-time"),
        ttiMs: num("interactive"),
        cls: Math.round((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN) * 1000) / 1000,
        transferBytes: byType("total"),
        scriptTransferBytes: byType("script"),
        consoleErrors: items("errors-in-console").map((i) => String(i.description ?? i.source ?? "")),
      },
    };
  } finally {
    await chrome.kill();
  }
}

/** Each figure's median over `runs` (the middle one; the mean of the two middle ones for an even count), and
 *  the console errors of every run: one run's errors are not hidden by the others'. Per figure, not the run
 *  of the median score: five runs that all score 100 have no median run, and picking one reported whichever
 *  came third (TBT 11, 74, 3, 7, 20 ms gave 74). */
export function medianRun(runs: readonly LighthouseRun[]): LighthouseRun {
  if (runs.length === 0) throw new Error("tidak ada hasil Lighthouse");
  const mid = (f: (r: LighthouseRun) => number) => {
    const v = runs.map(f).sort((a, b) => a - b);
    const h = Math.floor(v.length / 2);
    return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
  };
  return {
    performance: mid((r) => r.performance),
    fcpMs: mid((r) => r.fcpMs),
    lcpMs: mid((r) => r.lcpMs),
    tbtMs: mid((r) => r.tbtMs),
    ttiMs: mid((r) => r.ttiMs),
    cls: mid((r) => r.cls),
    transferBytes: mid((r) => r.transferBytes),
    scriptTransferBytes: mid((r) => r.scriptTransferBytes),
    consoleErrors: [...new Set(runs.flatMap((r) => r.consoleErrors))],
  };
}

/** Lighthouse `runs` times (one fresh browser each) on `path` with the session's cookie (none when
 *  `anonymous`: the login page, measured as the floor of any page of this app); medians per figure. */
export async function measureLighthouse(session: Session, path: string, runs = 3, anonymous = false): Promise<LighthouseResult> {
  const url = session.base + path;
  const out: LighthouseRun[] = [];
  let version = "";
  for (let i = 0, failures = 0; i < runs; i++) {
    try {
      const r = await once(url, session.cookie, anonymous);
      out.push(r.run);
      version = r.version;
    } catch (error) {
      // Lighthouse sometimes loses its trace on a busy machine (NO_NAVSTART): that run is tried again.
      if (++failures > 3) throw error;
      console.error(`  Lighthouse diulang: ${error instanceof Error ? error.message : error}`);
      i--;
    }
  }
  return { url: path, runs: out, median: medianRun(out), version };
}

/** The floor beside the desa page: the login page of the same build, in the same emulation. It loads the
 *  same Next.js and React runtime (about 140 KB of the desa page's JavaScript) and renders a ten-element
 *  form with no data, so what the desa page measures above it is the page's own work, and the floor itself
 *  is what this machine's browser costs any page of this stack. */
export function lighthouseFloorLine(page: LighthouseResult, floor: LighthouseResult): string {
  const m = floor.median;
  const sign = (x: number) => (x >= 0 ? `+${x}` : String(x));
  return (
    `Floor, the same emulation on ${floor.url} (the same Next.js and React runtime, a form of ten elements, no data; medians of ${floor.runs.length} runs): ` +
    `performance ${m.performance}, LCP ${(m.lcpMs / 1000).toFixed(2)} s, TBT ${m.tbtMs} ms (the runs: ${floor.runs.map((x) => x.tbtMs).join(", ")} ms), ` +
    `${(m.scriptTransferBytes / 1024).toFixed(1)} KB of JavaScript; the desa page above it: TBT ${sign(Math.round(page.median.tbtMs - m.tbtMs))} ms, ` +
    `performance ${sign(page.median.performance - m.performance)}`
  );
}

/** The content floor beside the desa page: the same page's HTML and stylesheets served as static files,
 *  every script removed (scripts/bench/static-floor.ts): what its markup and CSS alone cost this machine's
 *  browser, under any runtime. */
export function lighthouseContentLine(page: LighthouseResult, content: LighthouseResult, htmlBytes: number): string {
  const m = content.median;
  return (
    `Content floor, the same emulation on the desa page's HTML (${(htmlBytes / 1024).toFixed(1)} KB without its scripts) and stylesheets served as static files, ` +
    `no JavaScript at all (medians of ${content.runs.length} runs): performance ${m.performance}, LCP ${(m.lcpMs / 1000).toFixed(2)} s, ` +
    `TBT ${m.tbtMs} ms (the runs: ${content.runs.map((x) => x.tbtMs).join(", ")} ms); the desa page as served: TBT ${page.median.tbtMs} ms`
  );
}

export function lighthouseMeetsBudget(r: LighthouseRun): boolean {
  return r.performance >= LIGHTHOUSE_BUDGET.performance && r.lcpMs <= LIGHTHOUSE_BUDGET.lcpMs && r.tbtMs <= LIGHTHOUSE_BUDGET.tbtMs;
}

export function lighthouseLine(r: LighthouseResult): string {
  const m = r.median;
  const kb = (b: number) => (b / 1024).toFixed(1);
  return (
    `Lighthouse ${r.version} (mobile emulation: slow 4G, 4× CPU slowdown; medians of ${r.runs.length} runs) of ${r.url}: ` +
    `performance ${m.performance} (≥ ${LIGHTHOUSE_BUDGET.performance}) ${m.performance >= LIGHTHOUSE_BUDGET.performance ? "✅" : "❌"}, ` +
    `LCP ${(m.lcpMs / 1000).toFixed(2)} s (≤ 1.5) ${m.lcpMs <= LIGHTHOUSE_BUDGET.lcpMs ? "✅" : "❌"}, ` +
    `TBT ${m.tbtMs} ms (≤ ${LIGHTHOUSE_BUDGET.tbtMs}) ${m.tbtMs <= LIGHTHOUSE_BUDGET.tbtMs ? "✅" : "❌"}, ` +
    `FCP ${(m.fcpMs / 1000).toFixed(2)} s, TTI ${(m.ttiMs / 1000).toFixed(2)} s, CLS ${m.cls}, ` +
    `${kb(m.transferBytes)} KB transferred (${kb(m.scriptTransferBytes)} KB of it JavaScript); ` +
    `console errors: ${m.consoleErrors.length === 0 ? "none" : m.consoleErrors.join("; ")}; ` +
    `the runs: scores ${r.runs.map((x) => x.performance).join(", ")}; LCP ${r.runs.map((x) => (x.lcpMs / 1000).toFixed(2)).join(", ")} s; ` +
    `TBT ${r.runs.map((x) => x.tbtMs).join(", ")} ms`
  );
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const base = opt("base", `http://localhost:${process.env.PORT ?? 3000}`);
  const session = await new Session(base).login(opt("email", "pkm.anyar@pantau.id"), opt("password", "pantau-demo"));
  const runs = Number(opt("runs", "3"));
  const r = await measureLighthouse(session, opt("path", "/wilayah/36.04.30.2001"), runs);
  console.log(lighthouseLine(r));
  if (args.includes("--floor")) {
    console.log(lighthouseFloorLine(r, await measureLighthouse(new Session(base), "/login", runs, true)));
    const { content, htmlBytes } = await withStaticCopy(session, r.url, async (copy, bytes) => ({ content: await measureLighthouse(new Session(copy), "/", runs, true), htmlBytes: bytes }));
    console.log(lighthouseContentLine(r, content, htmlBytes));
  }
  if (!lighthouseMeetsBudget(r.median)) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
