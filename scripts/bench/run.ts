// `npm run bench [-- --quick] [--port $BENCH_PORT|3400] [--connections 4] [--duration 10] [--out bench/results]
//   [--lighthouse-runs 5] [--no-profile] [--long MINUTES]`:
// builds when stale, starts the server as `npm run serve` does (heap limit PANTAU_HEAP_MB) on the benchmark
// database (see data.ts), logs in one account per level and measures every page of issue 8 with autocannon
// (warm-up excluded), the floor of each (the bare SQL returning the same aggregates, via pg, same
// concurrency), the form save, the exports, freshness after a save, the server's peak RSS, the desa
// dashboard's JavaScript, what the capaian map adds (map.ts), where a page's milliseconds go inside the server (PANTAU_TIMING, profile.ts) and
// Lighthouse on the desa dashboard (lighthouse.ts). Writes <out>/latest.json and latest.md; with the
// default --out the README table too. `--quick` is the smoke of `npm test` (no Lighthouse). `--long 30`
// instead runs 30 minutes of mixed traffic and reports the memory trend (long.ts; <out>/long.md).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { benchDataDir, openBenchDatabase } from "./database";
import { dashboardFloor, exportFloor, spmFloor, unitOf, type Query, type Unit } from "./floor";
import { Session } from "./http";
import { loadGet, loadTask, type Stats } from "./measure";
import { measureMap } from "./map";
import { measureLighthouse, type LighthouseResult } from "./lighthouse";
import { withStaticCopy } from "./static-floor";
import { pageFaultMicros } from "./machine";

const SERVER_WARMUP_SECONDS = 3;
import { longMarkdown, longRun } from "./long";
import { cardRealisasi, pageJs, saveForm } from "./pages";
import { readProfile } from "./profile";
import { BUDGET, renderMarkdown, updateReadme, type Results, type Row } from "./report";
import { buildIfStale, startApp } from "./server";
import { BENCH_PASSWORD, findTargets, upsertBenchUsers } from "./targets";

interface Options {
  quick: boolean;
  port: number;
  connections: number;
  duration: number;
  out: string;
  lighthouseRuns: number;
  profile: boolean;
  longMinutes: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { quick: false, port: Number(process.env.BENCH_PORT ?? 3400), connections: 4, duration: 10, out: "bench/results", lighthouseRuns: 5, profile: true, longMinutes: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") o.quick = true;
    else if (a === "--port") o.port = Number(argv[++i]);
    else if (a === "--connections") o.connections = Number(argv[++i]);
    else if (a === "--duration") o.duration = Number(argv[++i]);
    else if (a === "--out") o.out = argv[++i];
    else if (a === "--lighthouse-runs") o.lighthouseRuns = Number(argv[++i]);
    else if (a === "--no-profile") o.profile = false;
    else if (a === "--long") o.longMinutes = Number(argv[++i]);
    else throw new Error(`Opsi tidak dikenal: ${a}`);
  }
  if (o.quick) {
    o.connections = Math.min(o.connections, 2);
    if (!argv.includes("--lighthouse-runs")) o.lighthouseRuns = 0;
  }
  return o;
}

const log = (m: string) => console.log(m);

async function runQueries(db: pg.Pool, queries: Query[]): Promise<void> {
  await Promise.all(queries.map(([sql, params]) => db.query(sql, params)));
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const loadStart = os.loadavg().map((x) => Math.round(x * 10) / 10); // other work on the machine skews latencies
  const pageFaultUs = pageFaultMicros();
  const server = await openBenchDatabase();
  log(`Benchmark — basis data: ${process.env.DATABASE_URL ? "DATABASE_URL" : benchDataDir()}`);
  const db = new pg.Pool({ connectionString: server.url, max: o.connections + 2 });
  db.on("error", () => {}); // an idle client dropped at shutdown is not a failure of the run
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  const timingFile = path.join(os.tmpdir(), `pantau-timing-${process.pid}.jsonl`);
  try {
    const client = await db.connect();
    const t = await findTargets(client);
    await upsertBenchUsers(client, t);
    const dbInfo = (await client.query<{ size: string; bytes: string; version: string; desa: number }>(
      `SELECT pg_size_pretty(pg_database_size(current_database())) size, pg_database_size(current_database())::text bytes,
              current_setting('server_version') version, (SELECT count(DISTINCT desa_kode) FROM laporan WHERE tahun = $1 AND bulan = $2)::int desa`,
      [t.tahun, t.bulan],
    )).rows[0];
    client.release();
    log(`Target: provinsi ${t.provinsi}, kabupaten ${t.kabupaten}, puskesmas ${t.puskesmas}, desa ${t.desa}; periode ${t.bulan}/${t.tahun}`);

    buildIfStale(log);
    log(`Menjalankan server produksi (scripts/next-server.mjs) di port ${o.port}…`);
    fs.rmSync(timingFile, { force: true });
    app = await startApp(o.port, server.url, o.profile && !o.longMinutes ? { PANTAU_TIMING: timingFile } : {});
    log(`  heap ${app.heapMb} MB (PANTAU_HEAP_MB)`);
    const base = app.url;
    const as = {
      nasional: await new Session(base).login(t.users.nasional, BENCH_PASSWORD),
      provinsi: await new Session(base).login(t.users.provinsi, BENCH_PASSWORD),
      kabupaten: await new Session(base).login(t.users.kabupaten, BENCH_PASSWORD),
      puskesmas: await new Session(base).login(t.users.puskesmas, BENCH_PASSWORD),
    };
    const period = `tahun=${t.tahun}&bulan=${t.bulan}`;
    const units: Record<string, Unit> = {
      desa: unitOf("desa", t.desa, t.provinsi, t.kabupaten),
      puskesmas: unitOf("puskesmas", t.puskesmas, t.provinsi, t.kabupaten),
      kabupaten: unitOf("kabupaten", t.kabupaten, t.provinsi, t.kabupaten),
      provinsi: unitOf("provinsi", t.provinsi, t.provinsi, null),
      nasional: unitOf("nasional", "", null, null),
    };
    if (o.longMinutes > 0) {
      log(`→ Uji panjang: ${o.longMinutes} menit lalu lintas campuran`);
      const x = (detail: string) => ({ label: `XLSX ${detail}`, session: as.provinsi, path: `/api/v1/ekspor/xlsx?wilayah=${t.provinsi}&${period}&detail=${detail}` });
      const desaLong = t.desaPuskesmas[1] ?? t.desa;
      const r = await longRun({
        minutes: o.longMinutes,
        app,
        gets: [
          { label: "desa", session: as.puskesmas, path: `/wilayah/${t.desa}?${period}` },
          { label: "puskesmas", session: as.puskesmas, path: `/puskesmas/${t.puskesmas}?${period}` },
          { label: "kabupaten", session: as.kabupaten, path: `/wilayah/${t.kabupaten}?${period}` },
          { label: "provinsi", session: as.provinsi, path: `/wilayah/${t.provinsi}?${period}` },
          { label: "nasional", session: as.nasional, path: `/wilayah?${period}` },
          { label: "api", session: as.nasional, path: `/api/v1/spm?wilayah=&${period}` },
        ],
        exportAnak: x("anak"),
        exportDesa: x("desa"),
        save: (n) => saveForm(as.puskesmas, desaLong, t.tahun, t.bulan, "SPM-04", (v) => String(Number(v || 0) + (n % 2 === 0 ? 1 : -1))),
        log,
      });
      const when = new Date().toISOString();
      const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
      fs.mkdirSync(o.out, { recursive: true });
      fs.writeFileSync(path.join(o.out, "long.json"), JSON.stringify({ when, command, ...r }, null, 2) + "\n");
      const md = longMarkdown(r, when, command);
      fs.writeFileSync(path.join(o.out, "long.md"), md);
      console.log("\n" + md);
      if (r.errors > 0) process.exitCode = 1;
      return;
    }
    const load = o.quick
      ? { connections: o.connections, amount: 6, warmupSeconds: 0, warmupAmount: 2 }
      : { connections: o.connections, duration: o.duration, warmupSeconds: 3 };
    const floorRuns = o.quick ? { per: 3, warm: 1 } : { per: 25, warm: 2 };
    const baseRuns = o.quick ? 1 : 3;

    const measureFloor = (queries: Query[]) => loadTask(o.connections, floorRuns.per, floorRuns.warm, () => runQueries(db, queries));
    const measureBase = (queries: Query[]) => loadTask(1, baseRuns, 0, () => runQueries(db, queries));

    const rows: Row[] = [];
    const gets: { key: string; label: string; session: Session; path: string; floor: Query[]; base: Query[] }[] = [
      { key: "desa", label: `Dasbor desa ${t.desa}`, session: as.puskesmas, path: `/wilayah/${t.desa}?${period}`, floor: dashboardFloor(units.desa, t.tahun, t.bulan), base: dashboardFloor(units.desa, t.tahun, t.bulan, false) },
      { key: "puskesmas", label: `Dasbor puskesmas ${t.puskesmas}`, session: as.puskesmas, path: `/puskesmas/${t.puskesmas}?${period}`, floor: dashboardFloor(units.puskesmas, t.tahun, t.bulan), base: dashboardFloor(units.puskesmas, t.tahun, t.bulan, false) },
      { key: "kabupaten", label: `Dasbor kabupaten ${t.kabupaten}`, session: as.kabupaten, path: `/wilayah/${t.kabupaten}?${period}`, floor: dashboardFloor(units.kabupaten, t.tahun, t.bulan), base: dashboardFloor(units.kabupaten, t.tahun, t.bulan, false) },
      { key: "provinsi", label: `Dasbor provinsi ${t.provinsi} (Jawa Tengah)`, session: as.provinsi, path: `/wilayah/${t.provinsi}?${period}`, floor: dashboardFloor(units.provinsi, t.tahun, t.bulan), base: dashboardFloor(units.provinsi, t.tahun, t.bulan, false) },
      { key: "nasional", label: "Dasbor nasional", session: as.nasional, path: `/wilayah?${period}`, floor: dashboardFloor(units.nasional, t.tahun, t.bulan), base: dashboardFloor(units.nasional, t.tahun, t.bulan, false) },
      { key: "spm-desa", label: `GET /api/v1/spm desa`, session: as.puskesmas, path: `/api/v1/spm?wilayah=${t.desa}&${period}`, floor: spmFloor(units.desa, t.tahun, t.bulan), base: spmFloor(units.desa, t.tahun, t.bulan, false) },
      { key: "spm-nasional", label: `GET /api/v1/spm nasional`, session: as.nasional, path: `/api/v1/spm?wilayah=&${period}`, floor: spmFloor(units.nasional, t.tahun, t.bulan), base: spmFloor(units.nasional, t.tahun, t.bulan, false) },
    ];
    if (!o.quick) {
      // The server warm first (JIT, its heap grown to its working size): the first page measured paid for the
      // whole server's start, not its own (desa p95 165 ms with twice the page faults per request, 114 ms once
      // warm; docs/scaling.md, sixth pass). The five dashboards, 3 s each, not counted.
      log(`→ Pemanasan server: lima dasbor, masing-masing ${SERVER_WARMUP_SECONDS} dtk (tidak dihitung)`);
      for (const g of gets.slice(0, 5)) await loadGet(base + g.path, g.session.cookie, { connections: o.connections, duration: SERVER_WARMUP_SECONDS, warmupSeconds: 0, warmupAmount: o.connections });
    }
    for (const g of gets) {
      log(`→ ${g.label}: ${g.path}`);
      const page = await loadGet(base + g.path, g.session.cookie, load);
      const floor = await measureFloor(g.floor);
      const baseFloor = await measureBase(g.base);
      rows.push({ key: g.key, label: g.label, path: g.path, connections: o.connections, page, floor, base: baseFloor, budgetP95Ms: BUDGET[g.key] ?? null });
      log(`  halaman p50 ${page.medianMs} ms, p95 ${page.p95Ms} ms, ${page.rps}/dtk, galat ${page.errors}; lantai p50 ${floor.medianMs} ms; GROUP BY dasar p50 ${baseFloor.medianMs} ms`);
    }

    let rssBeforeDesaExportMb: number | null = null;
    for (const detail of o.quick ? (["anak"] as const) : (["anak", "desa"] as const)) {
      if (detail === "desa") rssBeforeDesaExportMb = app.peakRssMb();
      const p = `/api/v1/ekspor/xlsx?wilayah=${t.provinsi}&${period}&detail=${detail}`;
      log(`→ XLSX provinsi ${t.provinsi} detail=${detail}`);
      let bytes = 0;
      const page = await loadTask(1, o.quick ? 1 : 5, 1, async () => {
        const res = await as.provinsi.fetch(p);
        const body = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200 || body.subarray(0, 2).toString() !== "PK") throw new Error(`XLSX HTTP ${res.status}`);
        bytes = body.length;
      });
      const q = exportFloor(units.provinsi, t.tahun, t.bulan, detail);
      const floor = await loadTask(1, o.quick ? 1 : 5, 1, () => runQueries(db, q));
      const baseFloor = await measureBase(exportFloor(units.provinsi, t.tahun, t.bulan, detail, false));
      rows.push({ key: `xlsx-${detail}`, label: `XLSX provinsi ${t.provinsi} (detail=${detail}, ${Math.round(bytes / 1024)} KB)`, path: p, connections: 1, page, floor, base: baseFloor, budgetP95Ms: BUDGET.xlsx });
      log(`  p50 ${page.medianMs} ms, p95 ${page.p95Ms} ms; lantai p50 ${floor.medianMs} ms`);
    }

    log(`→ Simpan formulir bulanan (POST formulir tanpa JavaScript, ${o.connections} desa bersamaan)`);
    const desaForm = t.desaPuskesmas.slice(1, 1 + o.connections);
    const flips = desaForm.map(() => 0); // +1, -1, +1, … per desa: the data set ends as it started (or one up)
    // 40 saves per desa (160 in all): the p95 of the 40 saves this phase used to take was their second
    // largest, one slow save away from the budget either way.
    const form = await loadTask(desaForm.length, o.quick ? 2 : 40, 3, (w) =>
      saveForm(as.puskesmas, desaForm[w], t.tahun, t.bulan, "SPM-04", (v) => String(Number(v || 0) + (flips[w]++ % 2 === 0 ? 1 : -1))),
    );
    rows.push({ key: "simpan", label: "Simpan formulir desa (kirim)", path: `POST /laporan/<desa>?${period}`, connections: desaForm.length, page: form, floor: null, base: null, budgetP95Ms: BUDGET.simpan });
    log(`  p50 ${form.medianMs} ms, p95 ${form.p95Ms} ms, galat ${form.errors}`);

    log("→ Kesegaran: simpan satu nilai, baca dasbor tiap tingkat");
    const levels = [
      { level: "nasional", s: as.nasional, path: `/wilayah?${period}` },
      { level: "provinsi", s: as.provinsi, path: `/wilayah/${t.provinsi}?${period}` },
      { level: "kabupaten", s: as.kabupaten, path: `/wilayah/${t.kabupaten}?${period}` },
      { level: "puskesmas", s: as.puskesmas, path: `/puskesmas/${t.puskesmas}?${period}` },
      { level: "desa", s: as.puskesmas, path: `/wilayah/${t.desa}?${period}` },
    ];
    const before = await Promise.all(levels.map(async (l) => cardRealisasi(await l.s.text(l.path), "SPM-04")));
    const DELTA = 7;
    const saveMs = await saveForm(as.puskesmas, t.desa, t.tahun, t.bulan, "SPM-04", (v) => String(Number(v || 0) + DELTA));
    const freshness = [];
    for (const [i, l] of levels.entries()) {
      const after = cardRealisasi(await l.s.text(l.path), "SPM-04");
      const expected = before[i] === null ? null : before[i]! + DELTA;
      freshness.push({ level: l.level, path: l.path, before: before[i], after, expected, ok: after !== null && after === expected });
    }
    await saveForm(as.puskesmas, t.desa, t.tahun, t.bulan, "SPM-04", (v) => String(Number(v) - DELTA)); // restore
    for (const f of freshness) log(`  ${f.level}: ${f.before} → ${f.after} (harap ${f.expected}) ${f.ok ? "ok" : "GAGAL"}`);

    const js = await pageJs(as.puskesmas, `/wilayah/${t.desa}?${period}`, "/wilayah/[[...kode]]");
    let profile: ReturnType<typeof readProfile> = [];
    if (o.profile) {
      // One client at a time, so that a span is this request's work and not the wait behind another's.
      log("→ Profil: tiap dasbor, 1 klien, di mana milidetiknya habis (PANTAU_TIMING)");
      const pages = gets.slice(0, 5);
      fs.writeFileSync(timingFile, "");
      for (const g of pages) await loadGet(base + g.path, g.session.cookie, { connections: 1, amount: o.quick ? 3 : 30, warmupSeconds: 0, warmupAmount: 2 });
      const htmlBytes = new Map<string, number>();
      for (const g of pages) htmlBytes.set(g.key, Buffer.byteLength(await g.session.text(g.path)));
      profile = readProfile(timingFile, pages.map((g) => ({ key: g.key, path: g.path }))).map((r) => ({ ...r, htmlBytes: htmlBytes.get(r.key) }));
      fs.rmSync(timingFile, { force: true });
    }
    let lighthouse = null;
    let lighthouseFloor = null;
    let lighthouseContent: { result: LighthouseResult; htmlBytes: number } | null = null;
    if (o.lighthouseRuns > 0) {
      log(`→ Lighthouse dasbor desa (${o.lighthouseRuns}×, emulasi ponsel), lalu halaman masuk sebagai dasarnya`);
      try {
        lighthouse = await measureLighthouse(as.puskesmas, `/wilayah/${t.desa}?${period}`, o.lighthouseRuns);
        log(`  performa ${lighthouse.median.performance}, LCP ${lighthouse.median.lcpMs} ms, TBT ${lighthouse.median.tbtMs} ms`);
        lighthouseFloor = await measureLighthouse(new Session(base), "/login", o.lighthouseRuns, true);
        log(`  dasar (/login): performa ${lighthouseFloor.median.performance}, TBT ${lighthouseFloor.median.tbtMs} ms`);
        const desaPath = `/wilayah/${t.desa}?${period}`;
        lighthouseContent = await withStaticCopy(as.puskesmas, desaPath, async (copy, htmlBytes) => ({ result: await measureLighthouse(new Session(copy), "/", o.lighthouseRuns, true), htmlBytes }));
        log(`  dasar isi (salinan statis tanpa skrip): performa ${lighthouseContent.result.median.performance}, TBT ${lighthouseContent.result.median.tbtMs} ms`);
      } catch (error) {
        console.error(`  Lighthouse gagal: ${error instanceof Error ? error.message : error}`); // the server figures are kept
        process.exitCode = 1;
      }
    }
    const peakRssMb = app.peakRssMb();
    log(`JS dasbor desa: ${js.files} berkas, ${Math.round(js.gzipBytes / 1024)} KB gzip + lazy ${Math.round(js.lazyGzipBytes / 1024)} KB; RSS puncak server ${peakRssMb} MB`);

    log("→ Peta capaian: loadPeta (dingin, lalu hangat) dan ukuran <svg>");
    const map = await measureMap(server.url, [
      { key: "nasional", kode: "", session: as.nasional, path: `/wilayah?${period}` },
      { key: "provinsi", kode: t.provinsi, session: as.provinsi, path: `/wilayah/${t.provinsi}?${period}` },
      { key: "kabupaten", kode: t.kabupaten, session: as.kabupaten, path: `/wilayah/${t.kabupaten}?${period}` },
    ], t.tahun, t.bulan, o.quick ? 5 : 50);
    for (const m of map) log(`  ${m.key}: ${m.units} unit, dingin ${m.coldMs} ms, hangat p95 ${m.warm.p95Ms} ms, svg ${m.svgBytes ?? "–"} B`);

    const dataFile = path.join(benchDataDir(), "bench-data.json");
    const results: Results = {
      when: new Date().toISOString(),
      quick: o.quick,
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: dbInfo.version, loadAverage: { start: loadStart, end: os.loadavg().map((x) => Math.round(x * 10) / 10) }, pageFaultUs },
      data: { desaWithReports: dbInfo.desa, databaseSize: dbInfo.size, databaseBytes: Number(dbInfo.bytes), load: fs.existsSync(dataFile) ? JSON.parse(fs.readFileSync(dataFile, "utf8")) : null },
      targets: { ...t, desaPuskesmas: undefined },
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
      rows,
      freshness: { saveMs: Math.round(saveMs), checks: freshness },
      peakRssMb,
      rssBeforeDesaExportMb,
      heapMb: app.heapMb,
      js,
      map,
      profile,
      lighthouse,
      lighthouseFloor,
      lighthouseContent,
    };
    fs.mkdirSync(o.out, { recursive: true });
    fs.writeFileSync(path.join(o.out, "latest.json"), JSON.stringify(results, null, 2) + "\n");
    const md = renderMarkdown(results);
    fs.writeFileSync(path.join(o.out, "latest.md"), md);
    if (path.resolve(o.out) === path.resolve("bench/results") && !o.quick) updateReadme(results);
    console.log("\n" + md);
    const failed = rows.filter((r) => r.page.errors > 0 || r.page.n === 0).length + freshness.filter((f) => !f.ok).length;
    if (failed > 0) {
      console.error(`${failed} pengukuran gagal (galat HTTP atau angka tidak segar).`);
      process.exitCode = 1;
    }
  } finally {
    await app?.stop();
    fs.rmSync(timingFile, { force: true }); // the server appends to it until it stops
    await db.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

export type { Stats };
