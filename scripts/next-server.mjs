// The Next.js production server as `npm run serve` and `npm run demo` run it (under scripts/lib/supervise.ts):
// `next start` with one addition: the header `x-pantau-alamat` carries the TCP peer's address, overwriting
// anything a client sent under that name, so login throttling (lib/auth/client-address.ts) counts the real
// address even when a client forges X-Forwarded-For. Plain JavaScript: it runs under `node`, without tsx.
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.PANTAU_HOST ?? "0.0.0.0";
const app = next({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  req.headers["x-pantau-alamat"] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.listen(port, hostname, () => console.log(`Pantau siap di http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} (pid ${process.pid})`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
