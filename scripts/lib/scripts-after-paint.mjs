// The dashboard first, its JavaScript after (issue 17: the desa dashboard on a cheap phone). Next.js puts every
// chunk of a page in <head> as <script async> (vercel/next.js#66958): on a fast link they run before the
// first paint, and on a slow one they run whenever they arrive, between the parser's steps. A dashboard
// reads and works without JavaScript (server-rendered, the grafik PWS as SVG; its links load the next page,
// the period form is a GET form, "Keluar" posts its form), so its chunks can wait for the first frame: an
// inline loader adds the same <script async> tags then (React finds them there when it hydrates, and does
// not add them again). Only the dashboards (/wilayah, /puskesmas) are rewritten, when a browser asks for
// the page; pages with forms to fill (login, laporan, sasaran, …) keep Next's order, since what a user types
// must meet a hydrated form. The rewritten pages are gzipped here: Next.js's own compression would hand
// over compressed bytes. Plain JavaScript: scripts/next-server.mjs runs under `node`, without tsx.
import zlib from "node:zlib";

const HEAD_CHUNK = /<script src="(\/_next\/static\/[^"<>]+\.js)" async=""><\/script>/g;
const HEAD_PRELOAD = /<link rel="preload" as="script" fetchPriority="low" href="(\/_next\/static\/[^"<>]+\.js)"\/>/g;
const HEAD_END = Buffer.from("</head>");
const MAX_HEAD_BYTES = 256 * 1024;

// Starts the chunks once the browser reports its first paint (Paint Timing; two animation frames where it
// is missing), and after 3 s at the latest: a tab opened in the background paints nothing. Each script is
// added once, with the async attribute React looks for; the low-priority preloads follow as preloads.
// Nothing of them is fetched before the paint: on a slow link the HTML and the stylesheet have the
// bandwidth to themselves (preloading the chunks from the start, tried, took it back: LCP 1.2 → 2.2 s).
// With `w` (bootstrap-steps.mjs), it also queues inline `beforeInteractive` scripts (`self.__next_s`), which
// Next runs one timer apart before it hydrates: the first registers a Turbopack module that hands back the
// runtime's require, each next one evaluates the modules of `w` in order until 5 ms have passed.
const LOADER =
  "(function(s,p,w){var d=0,h=document.head;" +
  "if(w.length){var r,i=0,q=self.__next_s=self.__next_s||[],n=Math.min(w.length,8);" +
  "self.__pantauSteps=function(first){var T=globalThis.TURBOPACK;" +
  "if(first){if(T&&T.push){T.push(['pantau-steps.js','pantau-steps',function(c){r=function(id){c.r(id)}}]);" +
  "T.push({otherChunks:[],runtimeModuleIds:['pantau-steps']})}return}" +
  "if(!r)return;var t=performance.now();" +
  "while(i<w.length){try{r(w[i])}catch(e){}i++;if(performance.now()-t>=5)break}};" +
  "q.push([0,{children:'self.__pantauSteps(1)'}]);while(n--)q.push([0,{children:'self.__pantauSteps()'}])}" +
  "function go(){if(d)return;d=1;" +
  "s.forEach(function(u){var e=document.createElement('script');e.src=u;e.setAttribute('async','');h.appendChild(e)});" +
  "p.forEach(function(u){var l=document.createElement('link');l.rel='preload';l.as='script';l.href=u;h.appendChild(l)})}" +
  "var P=window.PerformanceObserver;" +
  "if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf('paint')>=0)" +
  "new P(function(l,o){o.disconnect();setTimeout(go,0)}).observe({type:'paint',buffered:true});" +
  "else requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(go,0)})});" +
  "setTimeout(go,3000)})";

/** The document's head with its chunk scripts (and low-priority script preloads) replaced by one loader
 *  that adds them after the first paint; unchanged when it holds none. `head` is the document up to and
 *  including `</head>`. The loader goes right after the charset declaration (which must stay in the first
 *  1,024 bytes), before the stylesheet: an inline script after a stylesheet would wait for it. */
export function deferHeadScripts(head, steps = []) {
  // Next's error shell (`notFound()`, an error) is drawn by its JavaScript alone: it must run at once.
  if (/<html[^>]*\sid="__next_error__"/.test(head)) return head;
  const sources = [];
  const preloads = [];
  const rest = head
    .replace(HEAD_CHUNK, (_, src) => (sources.push(src), ""))
    .replace(HEAD_PRELOAD, (_, src) => (preloads.push(src), ""));
  if (sources.length === 0) return head;
  const loader = `<script>${LOADER}(${JSON.stringify(sources)},${JSON.stringify(preloads)},${JSON.stringify(steps)})</script>`;
  const charset = /<meta charSet="utf-8"\/>/i.exec(rest);
  if (charset) return rest.slice(0, charset.index + charset[0].length) + loader + rest.slice(charset.index + charset[0].length);
  return rest.replace(/<head>/, `<head>${loader}`);
}

/** The chunk scripts and preloads a rewritten page's loader adds after the first paint (none for a page
 *  sent as Next wrote it): for measuring what a page loads (scripts/bench/pages.ts). */
export function deferredScripts(html) {
  const m = /<script>\(function\(s,p,w\)\{[\s\S]*?\}\)\((\[[^\]]*\]),(\[[^\]]*\]),\[[^\]]*\]\)<\/script>/.exec(html);
  return m ? [...JSON.parse(m[1]), ...JSON.parse(m[2])] : [];
}

const DASHBOARD = /^\/(wilayah|puskesmas)(\/|\?|$)/;

/** A browser asking for a dashboard page: not Next's own RSC fetches (client navigation, server actions). */
export function isDocumentRequest(req) {
  const h = req.headers;
  if (req.method !== "GET" || !DASHBOARD.test(req.url ?? "")) return false;
  return /text\/html/.test(h.accept ?? "") && !h.rsc && !h["next-action"] && !h["next-router-state-tree"];
}

/** Whether an Accept-Encoding header lets us send gzip: `gzip` or `x-gzip` (any case) with q > 0, or `*`
 *  with q > 0 when gzip is not refused by name (RFC 9110 §12.5.3). */
export function acceptsGzip(header) {
  let named = null;
  let star = false;
  for (const part of String(header ?? "").split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
    const ok = !q || Number(q[1]) > 0;
    if (token === "gzip" || token === "x-gzip") named = named === true ? true : ok;
    else if (token === "*") star = ok;
  }
  return named ?? star;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/** Rewrites a document response: its head as deferHeadScripts says (with `steps`), gzip when the client accepts it. Call
 *  before Next.js handles the request (it then sees no Accept-Encoding and leaves compression to this). */
export function rewriteDocument(req, res, steps = []) {
  const gzipOk = acceptsGzip(req.headers["accept-encoding"]);
  delete req.headers["accept-encoding"];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const writeHead = res.writeHead.bind(res);
  let decided = false;
  let html = false;
  let gzip = null;
  let pending = []; // the head's bytes, until </head> is among them (html only)
  let pendingBytes = 0;

  const decide = () => {
    if (decided) return;
    decided = true;
    const type = String(res.getHeader("content-type") ?? "");
    const withBody = res.statusCode !== 204 && res.statusCode !== 304;
    // Only a dashboard that was found is rewritten; a 404 or an error page is sent as Next wrote it.
    html = res.statusCode === 200 && type.startsWith("text/html");
    if (html) res.removeHeader("content-length");
    if (gzipOk && withBody && COMPRESSIBLE.test(type) && !res.getHeader("content-encoding")) {
      res.removeHeader("content-length");
      res.setHeader("content-encoding", "gzip");
      const vary = String(res.getHeader("vary") ?? "");
      if (!/accept-encoding/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      gzip = zlib.createGzip();
      // Backpressure both ways: the gzip stream pauses while the socket is full, and Next.js waits for
      // 'drain' while the gzip stream is.
      gzip.on("data", (c) => {
        if (!write(c)) gzip.pause();
      });
      res.on("drain", () => gzip.resume());
      gzip.on("drain", () => res.emit("drain"));
      gzip.on("error", (error) => res.destroy(error));
    }
  };
  const emit = (buf) => {
    if (buf.length === 0) return true;
    if (gzip) return gzip.write(buf);
    return write(buf);
  };
  const toBuffer = (chunk, encoding) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  // The head is cut at the bytes of `</head>` (ASCII): only whole characters are decoded, and the rest of
  // the chunk goes on as the bytes it was, even when a character is split across the next write.
  const releaseHead = (force) => {
    if (!pending) return true;
    const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    const at = joined.indexOf(HEAD_END);
    if (at < 0 && !force && pendingBytes < MAX_HEAD_BYTES) {
      pending = [joined];
      return true;
    }
    pending = null;
    if (at < 0) return emit(joined);
    const cut = at + HEAD_END.length;
    const head = Buffer.from(deferHeadScripts(joined.subarray(0, cut).toString("utf8"), steps), "utf8");
    return emit(Buffer.concat([head, joined.subarray(cut)]));
  };

  res.writeHead = function (status, ...rest) {
    const headers = rest.find((r) => r && typeof r === "object");
    if (Array.isArray(headers)) {
      // Raw headers: [name, value, name, value, …] or [[name, value], …].
      const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((_, i) => (i % 2 === 0 ? [[headers[i], headers[i + 1]]] : []));
      for (const [k, v] of pairs) res.setHeader(k, v);
    } else if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.statusCode = status;
    decide();
    const reason = typeof rest[0] === "string" ? rest[0] : undefined;
    return reason ? writeHead(status, reason) : writeHead(status);
  };
  res.write = function (chunk, encoding, cb) {
    decide();
    if (typeof encoding === "function") cb = encoding;
    const buf = toBuffer(chunk, encoding);
    let ok;
    if (html && pending) {
      pending.push(buf);
      pendingBytes += buf.length;
      ok = releaseHead(false);
    } else ok = emit(buf);
    if (cb) process.nextTick(cb);
    return ok;
  };
  // Next.js flushes after each streamed chunk when the response can (the `compression` package adds it).
  res.flush = () => {
    if (gzip) gzip.flush();
  };
  res.end = function (chunk, encoding, cb) {
    if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    decide();
    if (chunk != null && chunk.length !== 0) {
      const buf = toBuffer(chunk, encoding);
      if (html && pending) {
        pending.push(buf);
        pendingBytes += buf.length;
      } else emit(buf);
    }
    if (html) releaseHead(true);
    if (!gzip) return end(cb);
    gzip.once("end", () => end(cb));
    gzip.end();
    return res;
  };
}
