// The offline bundle of one puskesmas (issue 16), measured on a running production server: what a phone
// keeps to enter reports without signal — the entry shell and its static files (the service worker's
// caches), the worker, the manifest and icons, and the offline package (IndexedDB) — gzip-compressed, as
// they travel. Budget: 500 KB. Also the size of a background refresh when nothing changed (ETag → 304).
//
//   npx tsx scripts/bench/offline-size.ts [base URL, default http://localhost:3000] [email]
// Writes bench/results/offline.md. A new file beside run.ts, not part of it (run it against `npm run demo`).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { Session } from "./http";

const BUDGET_KB = 500;
const base = process.argv[2] ?? "http://localhost:3000";
const email = process.argv[3] ?? "pkm.anyar@pantau.id";

const gz = (b: Buffer) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n: number) => (n / 1024).toFixed(1);

async function main() {
  const s = await new Session(base).login(email, "pantau-demo");
  const bytes = async (p: string, headers: Record<string, string> = {}) => {
    const res = await s.fetch(p, { headers });
    if (res.status !== 200) throw new Error(`GET ${p}: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };
  const shell = await bytes("/laporan/luring");
  const staticFiles = [...new Set(shell.toString("utf8").match(/\/_next\/static\/[^"'\s)\\]+/g) ?? [])];
  const rows: [string, number, number][] = [["shell /laporan/luring (HTML)", shell.length, gz(shell)]];
  let sb = 0;
  let sg = 0;
  for (const f of staticFiles) {
    const b = await bytes(f);
    sb += b.length;
    sg += gz(b);
  }
  rows.push([`shell static files (${staticFiles.length}: JS, CSS)`, sb, sg]);
  for (const p of ["/sw.js", "/manifest.webmanifest", "/icons/pantau-192.png", "/icons/pantau-512.png", "/icons/pantau-maskable-512.png"]) {
    const b = await bytes(p);
    rows.push([p, b.length, gz(b)]);
  }
  const paketRes = await s.fetch("/api/v1/offline/paket");
  const paket = Buffer.from(await paketRes.arrayBuffer());
  const paketJson = JSON.parse(paket.toString("utf8")) as { desa: unknown[] };
  rows.push([`offline package GET /api/v1/offline/paket (${paketJson.desa.length} desa × 2 months)`, paket.length, gz(paket)]);
  const etag = paketRes.headers.get("etag") ?? "";
  const refresh = await s.fetch("/api/v1/offline/paket", { headers: { "If-None-Match": etag } });
  const refreshBody = Buffer.from(await refresh.arrayBuffer());

  const total = rows.reduce((a, r) => a + r[2], 0);
  const lines = [
    `# Offline bundle of one puskesmas (${email}, ${new Date().toISOString().slice(0, 10)})`,
    "",
    "| part | bytes | gzip bytes |",
    "|---|---:|---:|",
    ...rows.map(([n, b, g]) => `| ${n} | ${b.toLocaleString("en")} | ${g.toLocaleString("en")} |`),
    `| **total** | ${rows.reduce((a, r) => a + r[1], 0).toLocaleString("en")} | **${total.toLocaleString("en")} (${kb(total)} KB; budget ${BUDGET_KB} KB ${total <= BUDGET_KB * 1024 ? "✅" : "❌"})** |`,
    "",
    `Background refresh when nothing changed: HTTP ${refresh.status}, ${refreshBody.length} body bytes (ETag ${etag}).`,
    "",
  ];
  const out = path.join(process.cwd(), "bench/results/offline.md");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, lines.join("\n"));
  console.log(lines.join("\n"));
  if (total > BUDGET_KB * 1024) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
