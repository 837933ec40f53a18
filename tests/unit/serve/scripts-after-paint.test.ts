import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { acceptsGzip, deferHeadScripts, deferredScripts, isDocumentRequest, rewriteDocument } from "@/scripts/lib/scripts-after-paint.mjs";

// A head as Next.js 16 writes it (trimmed): stylesheet, a low-priority preload, the chunks as async
// scripts, metadata, the noModule polyfill.
const HEAD =
  '<!DOCTYPE html><html lang="id"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/lazy.js"/>' +
  '<script src="/_next/static/chunks/one.js" async=""></script><script src="/_next/static/chunks/turbopack-two.js" async=""></script>' +
  '<title>Pantau</title><script src="/_next/static/chunks/poly.js" noModule=""></script></head>';
const BODY = '<body><main><h1>Dasbor</h1></main><script>self.__next_f.push([1,"x"])</script></body></html>';

function loaderArgs(html: string): [string[], string[]] {
  const m = /<meta charSet="utf-8"\/><script>\(function\(s,p,w\)\{.*?\}\)\((\[.*?\]),(\[.*?\]),\[[^\]]*\]\)<\/script>/.exec(html);
  if (!m) throw new Error(`no loader in ${html.slice(0, 200)}`);
  return [JSON.parse(m[1]), JSON.parse(m[2])];
}
const preloads = (html: string) => [...html.matchAll(/<link rel="preload" as="script" fetchPriority="low" href="([^"]+)"\/>/g)].map((m) => m[1]);

describe("deferHeadScripts", () => {
  it("moves the chunk scripts and low-priority preloads into one loader after the charset, in order", () => {
    const out = deferHeadScripts(HEAD);
    expect(loaderArgs(out)).toEqual([["/_next/static/chunks/one.js", "/_next/static/chunks/turbopack-two.js"], ["/_next/static/chunks/lazy.js"]]);
    expect(preloads(out)).toEqual([]);
    expect(out).not.toContain('<script src="/_next/static/chunks/one.js"');
    // The loader comes before the stylesheet (an inline script after it would wait for the stylesheet) and
    // the charset stays in the first 1,024 bytes.
    expect(out.indexOf("<script>")).toBeLessThan(out.indexOf('rel="stylesheet"'));
    expect(out.indexOf('<meta charSet="utf-8"/>')).toBe(HEAD.indexOf('<meta charSet="utf-8"/>'));
    // Everything else stays: stylesheet, title, the noModule polyfill (old browsers only).
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>');
    expect(out).toContain('<script src="/_next/static/chunks/poly.js" noModule=""></script></head>');
  });

  it("waits for the first paint (or two frames), then adds each script once with the async attribute", () => {
    const out = deferHeadScripts(HEAD);
    expect(out).toMatch(/observe\(\{type:'paint',buffered:true\}\)/);
    expect(out).toMatch(/requestAnimationFrame\(function\(\)\{requestAnimationFrame/);
    expect(out).toMatch(/setTimeout\(go,3000\)/);
    expect(out).toMatch(/if\(d\)return;d=1;/);
    expect(out).toMatch(/setAttribute\('async',''\)/);
  });

  it("puts the loader first in the head when there is no charset declaration", () => {
    const out = deferHeadScripts('<html><head><script src="/_next/static/chunks/one.js" async=""></script></head>');
    expect(out).toMatch(/^<html><head><script>\(function\(s,p,w\)/);
  });

  it("leaves Next's error shell alone: a 404 of notFound() is drawn by its scripts, which must run at once", () => {
    const shell = HEAD.replace('<html lang="id">', '<html id="__next_error__">');
    expect(deferHeadScripts(shell)).toBe(shell);
  });

  it("reads back what a rewritten page loads after the paint (the bench counts it), and nothing from a plain page", () => {
    expect(deferredScripts(deferHeadScripts(HEAD) + BODY)).toEqual(["/_next/static/chunks/one.js", "/_next/static/chunks/turbopack-two.js", "/_next/static/chunks/lazy.js"]);
    expect(deferredScripts(HEAD + BODY)).toEqual([]);
  });

  it("leaves a head without chunk scripts alone", () => {
    const head = '<html><head><meta charSet="utf-8"/><script src="/_next/static/chunks/poly.js" noModule=""></script></head>';
    expect(deferHeadScripts(head)).toBe(head);
  });
});

describe("acceptsGzip", () => {
  it("reads tokens in any case, with their q-values, and the wildcard", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("GZIP")).toBe(true);
    expect(acceptsGzip("x-gzip")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip; q=0.000, identity")).toBe(false);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("*;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("isDocumentRequest", () => {
  const req = (method: string, url: string, headers: Record<string, string>) => ({ method, url, headers });
  const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
  it("takes a browser's requests for a dashboard", () => {
    expect(isDocumentRequest(req("GET", "/wilayah", html))).toBe(true);
    expect(isDocumentRequest(req("GET", "/wilayah?tahun=2026&bulan=1", html))).toBe(true);
    expect(isDocumentRequest(req("GET", "/wilayah/36.04.30.2001?tahun=2026", html))).toBe(true);
    expect(isDocumentRequest(req("GET", "/puskesmas/P36043001", html))).toBe(true);
  });
  it("leaves pages with forms, Next's own fetches, static files, the API, the service worker and HEAD to Next", () => {
    expect(isDocumentRequest(req("GET", "/login", html))).toBe(false);
    expect(isDocumentRequest(req("GET", "/laporan/36.04.30.2001", html))).toBe(false);
    expect(isDocumentRequest(req("POST", "/laporan/36.04.30.2001", html))).toBe(false);
    expect(isDocumentRequest(req("GET", "/wilayahku", html))).toBe(false);
    expect(isDocumentRequest(req("GET", "/wilayah/36.04", { ...html, rsc: "1" }))).toBe(false);
    expect(isDocumentRequest(req("POST", "/wilayah/36.04", { ...html, "next-action": "abc" }))).toBe(false);
    expect(isDocumentRequest(req("GET", "/_next/static/chunks/a.js", html))).toBe(false);
    expect(isDocumentRequest(req("GET", "/api/v1/ekspor/csv?x=1", html))).toBe(false);
    expect(isDocumentRequest(req("GET", "/sw.js", html))).toBe(false);
    expect(isDocumentRequest(req("HEAD", "/wilayah", html))).toBe(false);
    expect(isDocumentRequest(req("GET", "/wilayah", { accept: "application/json" }))).toBe(false);
  });
});

describe("rewriteDocument", () => {
  let server: http.Server | undefined;
  afterEach(
    () =>
      new Promise<void>((done) => {
        if (!server) return done();
        server.close(() => done());
        server.closeAllConnections();
      }),
  );

  /** A server whose handler runs after rewriteDocument, as Next.js does in scripts/next-server.mjs. */
  async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void, seen?: { acceptEncoding?: string }): Promise<string> {
    server = http.createServer((req, res) => {
      if (isDocumentRequest(req)) rewriteDocument(req, res);
      if (seen) seen.acceptEncoding = req.headers["accept-encoding"];
      handler(req, res);
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      http.get(url, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c) => parts.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      }).on("error", reject);
    });
  }
  const browser = { accept: "text/html,*/*;q=0.8", "accept-encoding": "gzip, deflate, br" };

  it("gzips the rewritten page itself (Next sees no Accept-Encoding), the head split over several writes", async () => {
    const seen: { acceptEncoding?: string } = {};
    const base = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-length", "999");
      res.write(HEAD.slice(0, 150));
      res.write(Buffer.from(HEAD.slice(150, 400)));
      res.write(HEAD.slice(400) + BODY.slice(0, 20));
      res.end(BODY.slice(20));
    }, seen);
    const r = await get(base + "/wilayah/36.04", browser);
    expect(seen.acceptEncoding).toBeUndefined();
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers["content-length"]).toBeUndefined();
    expect(r.headers.vary).toMatch(/Accept-Encoding/);
    expect(zlib.gunzipSync(r.body).toString()).toBe(deferHeadScripts(HEAD) + BODY);
  });

  it("sends the page plain to a client without gzip, and a head over several chunks whole", async () => {
    const base = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      for (const ch of (HEAD + BODY).match(/[\s\S]{1,7}/g)!) res.write(ch);
      res.end();
    });
    const r = await get(base + "/wilayah/36.04", { accept: "text/html" });
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.body.toString()).toBe(deferHeadScripts(HEAD) + BODY);
  });

  it("streams: what Next flushes reaches the browser before the page ends", async () => {
    let finish: () => void = () => {};
    const base = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(HEAD + "<body><p>awal</p>");
      (res as unknown as { flush(): void }).flush();
      finish = () => res.end("</body></html>");
    });
    const first = await new Promise<string>((resolve, reject) => {
      http.get(base + "/wilayah", { headers: browser }, (res) => {
        const gunzip = zlib.createGunzip();
        res.pipe(gunzip);
        let text = "";
        gunzip.on("data", (c: Buffer) => {
          text += c.toString();
          if (text.includes("awal")) resolve(text);
        });
        gunzip.on("end", () => resolve(text));
      }).on("error", reject);
    });
    expect(first).toContain("<p>awal</p>");
    expect(first).not.toContain("</html>");
    expect(loaderArgs(first)[0]).toHaveLength(2);
    finish();
  });

  it("keeps a character split between two writes whole, right after </head>", async () => {
    const text = HEAD + "<body><p>Ibu hamil — ≥ 4 kali</p></body></html>";
    const bytes = Buffer.from(text);
    const dash = bytes.indexOf(Buffer.from("—"));
    const base = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(bytes.subarray(0, dash + 1)); // </head> and the first byte of "—"
      res.end(bytes.subarray(dash + 1));
    });
    for (const headers of [browser, { accept: "text/html" }]) {
      const r = await get(base + "/wilayah", headers);
      const body = (r.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(r.body) : r.body).toString();
      expect(body).toBe(deferHeadScripts(HEAD) + "<body><p>Ibu hamil — ≥ 4 kali</p></body></html>");
    }
  });

  it("keeps headers given to writeHead as a raw array", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, ["Content-Type", "text/html; charset=utf-8", "X-Satu", "1"]);
      res.end(HEAD + BODY);
    });
    const r = await get(base + "/wilayah", { accept: "text/html", "accept-encoding": "gzip;q=0" });
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.headers["x-satu"]).toBe("1");
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.body.toString()).toBe(deferHeadScripts(HEAD) + BODY);
  });

  it("holds a big page in step with a slow reader (write() answers false, 'drain' comes) and sends it whole", async () => {
    const parts = Array.from({ length: 48 }, (_, i) => `<p>${crypto.randomBytes(48 * 1024).toString("base64")}${i}</p>`);
    let sawBackpressure = false;
    const base = await serve((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(HEAD + "<body>");
      let i = 0;
      const next = () => {
        while (i < parts.length) {
          if (!res.write(parts[i++])) {
            sawBackpressure = true;
            res.once("drain", next);
            return;
          }
        }
        res.end("</body></html>");
      };
      next();
    });
    const body = await new Promise<Buffer>((resolve, reject) => {
      http.get(base + "/wilayah", { headers: browser }, (res) => {
        const out: Buffer[] = [];
        res.pause(); // a phone on a slow link: read a little, now and then
        const tick = setInterval(() => {
          let c;
          while ((c = res.read(256 * 1024)) !== null) out.push(c);
        }, 5);
        res.on("end", () => {
          clearInterval(tick);
          resolve(zlib.gunzipSync(Buffer.concat(out)));
        });
        res.on("readable", () => {});
      }).on("error", reject);
    });
    expect(sawBackpressure).toBe(true);
    expect(body.toString()).toBe(deferHeadScripts(HEAD) + "<body>" + parts.join("") + "</body></html>");
  });

  it("sends a 404 page as Next wrote it (gzipped), not rewritten", async () => {
    const base = await serve((_req, res) => {
      res.statusCode = 404;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(HEAD + BODY);
    });
    const r = await get(base + "/wilayah/99.99", browser);
    expect(r.status).toBe(404);
    expect(zlib.gunzipSync(r.body).toString()).toBe(HEAD + BODY);
  });

  it("gzips other answers to a page request unchanged, and leaves 304 and compressed answers alone", async () => {
    const base = await serve((req, res) => {
      if (req.url === "/wilayah/json") {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ a: HEAD }));
      } else if (req.url === "/wilayah/etag") {
        res.statusCode = 304;
        res.end();
      } else {
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        res.end(zlib.gzipSync(HEAD + BODY));
      }
    });
    const json = await get(base + "/wilayah/json", browser);
    expect(json.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(zlib.gunzipSync(json.body).toString())).toEqual({ a: HEAD });
    const etag = await get(base + "/wilayah/etag", browser);
    expect(etag.status).toBe(304);
    expect(etag.body.length).toBe(0);
    expect(etag.headers["content-encoding"]).toBeUndefined();
    const gz = await get(base + "/wilayah/pre", browser);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(HEAD + BODY);
  });
});
