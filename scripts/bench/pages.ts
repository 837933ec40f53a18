import zlib from "node:zlib";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import { formFields, multipart, type Session } from "./http";

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
export async function pageJs(s: Session, path: string): Promise<{ files: number; bytes: number; gzipBytes: number; inlineGzipBytes: number }> {
  const html = await s.text(path);
  const urls = [...new Set([...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]))];
  let bytes = 0;
  let gzipBytes = 0;
  for (const u of urls) {
    const body = Buffer.from(await (await s.fetch(u)).arrayBuffer());
    bytes += body.length;
    gzipBytes += zlib.gzipSync(body).length;
  }
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n");
  return { files: urls.length, bytes, gzipBytes, inlineGzipBytes: zlib.gzipSync(inline).length };
}
