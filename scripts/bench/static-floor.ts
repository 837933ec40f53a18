// The desa page's content floor (issue 17): the page's HTML and stylesheets as a browser gets them, every
// script removed (Next.js's chunks and loader, the inline RSC payload), served as static files by a
// throwaway server. Lighthouse on it measures what this machine's browser costs the page's markup and CSS
// alone, without Next.js or React: the floor under any way of shipping this page's content.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import type { Session } from "./http";

/** The document without its scripts, script preloads and manifest link; stylesheets and markup kept. */
export function staticCopyHtml(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bas="script"[^>]*>/gi, "")
    .replace(/<link\b[^>]*\brel="(?:modulepreload|manifest)"[^>]*>/gi, "");
}

/** The stylesheet paths (same origin) the document links. */
export function stylesheetPaths(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(\/[^"]+)"[^>]*>/gi)].map((m) => m[1]);
}

/** Serves a static copy of `path` (as `session` gets it) on a free local port while `run` measures it. */
export async function withStaticCopy<T>(session: Session, path: string, run: (base: string, htmlBytes: number) => Promise<T>): Promise<T> {
  const page = await fetch(session.base + path, { headers: { Cookie: session.cookie, Accept: "text/html" } });
  if (!page.ok) throw new Error(`salinan statis: ${path} menjawab ${page.status}`);
  const html = staticCopyHtml(await page.text());
  const files = new Map<string, { type: string; body: string }>([["/", { type: "text/html; charset=utf-8", body: html }]]);
  for (const css of stylesheetPaths(html)) {
    const r = await fetch(session.base + css);
    if (!r.ok) throw new Error(`salinan statis: ${css} menjawab ${r.status}`);
    files.set(css, { type: "text/css; charset=utf-8", body: await r.text() });
  }
  // Gzipped as the app sends them, so the simulated slow link carries the same bytes.
  const server = http.createServer((req, res) => {
    const f = files.get((req.url ?? "/").split("?")[0]);
    if (!f) return void res.writeHead(404, { "Content-Type": "text/plain" }).end();
    res.writeHead(200, { "Content-Type": f.type, "Content-Encoding": "gzip", "Cache-Control": "no-store" });
    res.end(zlib.gzipSync(f.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, Buffer.byteLength(html));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
