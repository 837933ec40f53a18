// `npm run bench:probe -- [--rounds 2] [--what kab,save,form] [--port 3470] [--seconds 10] [--browser]`: a quick A/B probe
// on the benchmark database (data.ts) with the app as built (run `npm run build` or `npm run bench` first):
// per round, each chosen page at 4 clients (p50, p95, pages/s) or 160 form saves (4 desa × 40), with the
// CPU and minor page faults the server's and PostgreSQL's processes spent per request (from /proc).
// `--browser` asks for the pages as a browser does (Accept: text/html, gzip: the scripts-after-paint head,
// gzipped). `BENCH_CPU_PROF=<dir>` has the server write a V8 CPU profile when it stops. No report is
// written: the full run is `npm run bench`; this is for comparing two builds or two settings on one machine.
import fs from "node:fs";
import pg from "pg";
import { openBenchDatabase } from "./database";
import { Session } from "./http";
import { BROWSER_HEADERS, loadGet, loadTask } from "./measure";
import { saveForm } from "./pages";
import { startApp } from "./server";
import { BENCH_PASSWORD, findTargets, upsertBenchUsers } from "./targets";

/** CPU time (ms) and minor page faults of the processes whose command line matches, children included
 *  (/proc/<pid>/stat). Faults are counted because a page fault costs about 11 µs on some virtual machines
 *  (docs/scaling.md, sixth pass), some twenty times what it costs on hardware. */
function usage(match: (cmdline: string, pid: number) => boolean): { ms: number; faults: number } {
  let ticks = 0;
  let faults = 0;
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (!match(fs.readFileSync(`/proc/${d}/cmdline`, "utf8"), Number(d))) continue;
      const f = fs.readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      faults += Number(f[7]) + Number(f[8]);
    } catch {
      // process gone
    }
  }
  return { ms: ticks * 10, faults }; // USER_HZ 100
}

function perRequest(name: string, a: { ms: number; faults: number }, b: { ms: number; faults: number }, n: number): string {
  return `${name} ${((b.ms - a.ms) / n).toFixed(1)} ms, ${Math.round((b.faults - a.faults) / n)} page faults`;
}

function opt(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

async function main() {
  const args = process.argv.slice(2);
  const rounds = Number(opt(args, "rounds", "2"));
  const what = opt(args, "what", "kab,save").split(",");
  const seconds = Number(opt(args, "seconds", "10"));
  const server = await openBenchDatabase();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const t = await findTargets(client);
  await upsertBenchUsers(client, t);
  await client.end();
  const app = await startApp(Number(opt(args, "port", process.env.BENCH_PORT ?? "3470")), server.url);
  try {
    const period = `tahun=${t.tahun}&bulan=${t.bulan}`;
    const pkm = await new Session(app.url).login(t.users.puskesmas, BENCH_PASSWORD);
    const pages: Record<string, () => Promise<[Session, string]>> = {
      desa: async () => [pkm, `/wilayah/${t.desa}?${period}`],
      pkm: async () => [pkm, `/puskesmas/${t.puskesmas}?${period}`],
      kab: async () => [await new Session(app.url).login(t.users.kabupaten, BENCH_PASSWORD), `/wilayah/${t.kabupaten}?${period}`],
      prov: async () => [await new Session(app.url).login(t.users.provinsi, BENCH_PASSWORD), `/wilayah/${t.provinsi}?${period}`],
      nas: async () => [await new Session(app.url).login(t.users.nasional, BENCH_PASSWORD), `/wilayah?${period}`],
      form: async () => [pkm, `/laporan/${t.desaPuskesmas[1]}?${period}`], // the page a save re-renders
    };
    const nodeCpu = () => usage((c, pid) => pid === app.pid || c.includes("next-server"));
    const pgCpu = () => usage((c) => c.startsWith("postgres"));
    for (let r = 1; r <= rounds; r++) {
      for (const w of what) {
        const n0 = nodeCpu();
        const p0 = pgCpu();
        if (w === "save") {
          const desa = t.desaPuskesmas.slice(1, 5);
          const flips = desa.map(() => 0); // +1, −1, …: the data ends as it started (or one up)
          const s = await loadTask(desa.length, 40, 3, (k) => saveForm(pkm, desa[k], t.tahun, t.bulan, "SPM-04", (v) => String(Number(v || 0) + (flips[k]++ % 2 === 0 ? 1 : -1))));
          const n = s.n + desa.length * 3;
          console.log(`putaran ${r} simpan: p50 ${s.medianMs} p95 ${s.p95Ms} ms, galat ${s.errors} | per simpan: ${perRequest("node", n0, nodeCpu(), n)}; ${perRequest("PostgreSQL", p0, pgCpu(), n)}`);
        } else if (pages[w]) {
          const [session, path] = await pages[w]();
          const s = await loadGet(app.url + path, session.cookie, { connections: 4, duration: seconds, warmupSeconds: 3, headers: args.includes("--browser") ? BROWSER_HEADERS : undefined });
          const n = s.n * (1 + 3 / seconds); // the warm-up's requests, at the same rate
          console.log(`putaran ${r} ${w}: p50 ${s.medianMs} p95 ${s.p95Ms} ms, ${s.rps}/dtk, galat ${s.errors} | per halaman: ${perRequest("node", n0, nodeCpu(), n)}; ${perRequest("PostgreSQL", p0, pgCpu(), n)}`);
        } else throw new Error(`--what tidak dikenal: ${w} (desa, pkm, kab, prov, nas, save)`);
      }
    }
  } finally {
    await app.stop();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
