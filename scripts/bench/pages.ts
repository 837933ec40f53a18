import fs from "node:fs";
import zlib from "node:zlib";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import { formFields, multipart, type Session } from "./http";
import { deferredScripts } from "../lib/scripts-after-paint.mjs";

// Page-level pieces of the benchmark: the realisasi shown on a dashboard card, the monthly form saved as a
// browser without JavaScript saves it, and the JavaScript a page makes the browser download.

/** The realisasi printed on the SPM card of `indikator` ("1.234 / 5.678 · target …"), or null. */
export function cardRealisasi(html: string, indikator: string): number | null {
  const at = html.indexOf(`data-testid="kartu-${indikator}"`);
  if (at < 0) return null;
  const m = /tabular-nums">([\d.]+|–|-)(?:<!-- -->)?\s*\//.exec(html.slice(at, at + 4000));
  return m && /\d/.test(m[1]) ? Number(m[1].replace(/\./g, "")) : null;
}

export function formPath(desa: string, tahun: number, bulan: number): string {
  return `/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`;
}

/**
 * Loads the form of a desa and month, changes one value (`change` maps the stored text to the new one)
 * and submits it ("kirim") as a multipart POST of the form's own fields, which is what a browser does
 * without JavaScript: Next.js runs the server action (simpanLaporanAction → simpanLaporan) and answers with
 * the re-rendered page. Returns the milliseconds of the POST alone.
 */
export async function saveForm(s: Session, desa: string, tahun: number, bulan: number, indikator: string, change: (v: string) => string): Promise<number> {
  const path = formPath(desa, tahun, bulan);
  const html = await s.text(path);
  const { fields } = formFields(html, { name: "aksi", value: "kirim" });
  const field = fields.find(([k]) => k === `nilai.${indikator}`);
  if (!field) throw new Error(`isian nilai.${indikator} tidak ada di formulir ${desa}`);
  field[1] = change(field[1]);
  if (!fields.some(([k]) => k === "konfirmasi")) fields.push(["konfirmasi", "ya"]);
  const started = performance.now();
  const res = await s.fetch(path, { method: "POST", body: multipart(fields), headers: { accept: "text/html", origin: s.base } });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200 || !body.includes(MSG_LAPORAN.terkirim)) throw new Error(`simpan ${desa}: HTTP ${res.status}, pesan sukses tidak ada`);
  return ms;
}

/** JavaScript files a page loads (`/_next/static/…js`), their total size and gzip size. */
export interface PageJs {
  /** Scripts a modern browser loads with the page (`noModule` polyfills excluded). */
  files: number;
  bytes: number;
  gzipBytes: number;
  /** Lazy chunks of the route (next/dynamic: the recharts chart), fetched after the page when the chart renders. */
  lazyFiles: number;
  lazyGzipBytes: number;
  /** `noModule` scripts: only browsers without ES modules download them. */
  legacyGzipBytes: number;
  inlineGzipBytes: number;
}

/** The JavaScript a browser gets for a page: its script tags and preloads, the chunks its loader adds after
 *  the first paint (scripts/lib/scripts-after-paint.mjs), and the route's lazy chunks from the build manifest. */
export async function pageJs(s: Session, path: string, route: string): Promise<PageJs> {
  const html = await (await s.fetch(path, { headers: { accept: "text/html" } })).text();
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  const src = (attrs: string) => /src="(\/_next\/static\/[^"]+\.js)"/.exec(attrs)?.[1] ?? null;
  const legacy = new Set(tags.filter((t) => /noModule/i.test(t)).map(src).filter((u): u is string => u !== null));
  const modern = [...new Set([...tags.map(src), ...deferredScripts(html), ...[...html.matchAll(/href="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1])])]
    .filter((u): u is string => u !== null && !legacy.has(u));
  const manifest = `.next/server/app${route}/page/react-loadable-manifest.json`;
  const lazy = fs.existsSync(manifest)
    ? [...new Set(Object.values(JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, { files: string[] }>).flatMap((e) => e.files))]
        .map((f) => `/_next/${f}`).filter((u) => u.endsWith(".js") && !modern.includes(u))
    : [];
  const size = async (urls: string[]) => {
    let bytes = 0;
    let gzipBytes = 0;
    for (const u of urls) {
      const body = Buffer.from(await (await s.fetch(u)).arrayBuffer());
      bytes += body.length;
      gzipBytes += zlib.gzipSync(body).length;
    }
    return { bytes, gzipBytes };
  };
  const [m, l, old] = [await size(modern), await size(lazy), await size([...legacy])];
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((x) => x[1]).join("\n");
  return {
    files: modern.length, bytes: m.bytes, gzipBytes: m.gzipBytes, lazyFiles: lazy.length, lazyGzipBytes: l.gzipBytes,
    legacyGzipBytes: old.gzipBytes, inlineGzipBytes: zlib.gzipSync(inline).length,
  };
}
