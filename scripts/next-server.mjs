// The Next.js production server as `npm run serve` and `npm run demo` run it (under scripts/lib/supervise.ts):
// `next start` with one addition: the header `x-pantau-alamat` carries the TCP peer's address, overwriting
// anything a client sent under that name, so login throttling (lib/auth/client-address.ts) counts the real
// address even when a client forges X-Forwarded-For, and pages load their JavaScript after the first paint
// (scripts/lib/scripts-after-paint.mjs). Plain JavaScript: it runs under `node`, without tsx.
// PANTAU_TIMING=<file> (profiling, off by default): each request runs with a timing store (lib/timing.ts)
// and, once answered, appends a JSON line {method, path, status, totalMs, firstByteMs, spans} to the file.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import http from "node:http";
import next from "next";
import { buildBootstrapSteps } from "./lib/bootstrap-steps.mjs";
import { isDocumentRequest, rewriteDocument } from "./lib/scripts-after-paint.mjs";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.PANTAU_HOST ?? "0.0.0.0";
const app = next({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const timingFile = process.env.PANTAU_TIMING;
const timing = timingFile ? new AsyncLocalStorage() : null;
if (timing) globalThis.__pantauTiming = timing;

/** Runs the request in a timing store and logs where its milliseconds went (PANTAU_TIMING only). */
function timed(req, res, run) {
  const store = { spans: {}, open: {} };
  const start = performance.now();
  let firstByteMs = null;
  const write = res.write;
  res.write = function (...args) {
    firstByteMs ??= performance.now() - start;
    return write.apply(this, args);
  };
  res.once("finish", () => {
    const line = { method: req.method, path: req.url, status: res.statusCode, totalMs: performance.now() - start, firstByteMs, spans: store.spans };
    fs.appendFile(timingFile, JSON.stringify(line) + "\n", () => {});
  });
  timing.run(store, run);
}

const server = http.createServer((req, res) => {
  req.headers["x-pantau-alamat"] = req.socket.remoteAddress ?? "";
  if (isDocumentRequest(req)) rewriteDocument(req, res, buildBootstrapSteps());
  if (timing) timed(req, res, () => void handle(req, res));
  else void handle(req, res);
});
server.listen(port, hostname, () => console.log(`Pantau siap di http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (pid ${process.pid})`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
