// The client address the login throttle counts (docs/security.md, docs/deploy.md).
// - PANTAU_TRUST_PROXY=1 (Pantau behind a reverse proxy that appends the client to X-Forwarded-For, such
//   as nginx's $proxy_add_x_forwarded_for): the last entry of X-Forwarded-For, the one the proxy added.
// - Otherwise the TCP peer: `x-pantau-alamat`, which scripts/next-server.mjs (npm run serve / demo) sets
//   from the socket over whatever a client sent. Under plain `next start` that header is missing and the
//   address is X-Forwarded-For as Next.js fills it from the socket, which a client can forge: use
//   `npm run serve` in production.

type Headers = Record<string, string | string[] | undefined> | undefined;

function header(headers: Headers, name: string): string | undefined {
  const v = headers?.[name];
  return Array.isArray(v) ? v.join(",") : v;
}

export function trustsProxy(env: Record<string, string | undefined> = process.env): boolean {
  return env.PANTAU_TRUST_PROXY === "1" || env.PANTAU_TRUST_PROXY === "true";
}

export function clientAddress(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const forwarded = header(headers, "x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  if (trustsProxy(env) && forwarded.length > 0) return forwarded[forwarded.length - 1];
  return header(headers, "x-pantau-alamat") || forwarded[forwarded.length - 1] || "tidak-diketahui";
}
