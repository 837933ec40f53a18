import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./stack";

// A browser stand-in over plain HTTP: a cookie jar, the next-auth credentials login (CSRF token, then the
// callback POST) and the call a client component makes to a server action (POST with `Next-Action`, the
// arguments encoded as React's encodeReply does, the answer read from the RSC stream).

/** Requests sent again after a connection reset, as a browser does (see Session.fetch). */
export const transport = { resets: 0 };

function isReset(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET";
}

export class Session {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /**
   * fetch with the jar's cookies, no redirect following, Set-Cookie stored. A connection reset before any
   * answer is retried once, as browsers do for a reused keep-alive connection the server had just closed
   * (Node's server closes idle ones after 5 s; on a saturated machine the client notices late). A request
   * the server did process would come back as a conflict on the retry, so nothing is hidden by it.
   */
  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const send = () => fetch(new URL(pathname, this.base), { ...init, headers, redirect: "manual", signal: init.signal ?? AbortSignal.timeout(120_000) });
    const r = await send().catch((error: unknown) => {
      if (!isReset(error)) throw error;
      transport.resets++;
      return send();
    });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return r;
  }
}

export interface LoginResult {
  ok: boolean;
  session: Session;
  /** Set-Cookie lines of the session cookie, to check their attributes. */
  setCookie: string[];
  /** Where next-auth sent the browser (the error is in `?error=` on failure). */
  location: string | null;
  status: number;
}

/** next-auth credentials login: GET /api/auth/csrf, then POST /api/auth/callback/credentials. */
/** `headers`: e.g. X-Forwarded-For, which the test servers trust (PANTAU_TRUST_PROXY=1, support/stack.ts). */
export async function login(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<LoginResult> {
  const session = new Session(base);
  const csrf = await session.fetch("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const r = await session.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: "true" }),
  });
  const text = await r.text();
  let location = r.headers.get("location");
  if (!location && text.startsWith("{")) location = (JSON.parse(text) as { url?: string }).url ?? null;
  const setCookie = r.headers.getSetCookie().filter((c) => /session-token=/.test(c));
  const ok = [...session.cookies.keys()].some((k) => k.endsWith("next-auth.session-token")) && !/[?&]error=/.test(location ?? "");
  return { ok, session, setCookie, location, status: r.status };
}

/** Id of a server action in the production build, by its file and exported name. */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`action ${file}#${exportedName} not in the build`);
  return found[0];
}

/** Rows of a React Flight (RSC) stream: `id:json` lines; text rows (`id:T<len>,…`) are skipped. */
function flightRows(body: string): Map<string, unknown> {
  const rows = new Map<string, unknown>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!m || !/^[[{"]/.test(m[2])) continue;
    try {
      rows.set(m[1], JSON.parse(m[2]));
    } catch {
      // a row split over lines (text chunks): not part of an action's plain-JSON state
    }
  }
  return rows;
}

function resolveFlight(value: unknown, rows: Map<string, unknown>, depth = 0): unknown {
  if (depth > 20) return value;
  if (typeof value === "string") {
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref && rows.has(ref[1])) return resolveFlight(rows.get(ref[1]), rows, depth + 1);
    if (value === "$undefined") return undefined;
    if (value.startsWith("$$")) return value.slice(1);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveFlight(v, rows, depth + 1));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveFlight(v, rows, depth + 1)]));
  return value;
}

export interface ActionResult<T> {
  status: number;
  /** The action's return value (null when the answer was not an action result, e.g. a redirect or an error). */
  state: T | null;
  body: string;
  headers: Headers;
  ms: number;
}

/**
 * Calls a server action as `useActionState` does: arguments [previous state, the form's FormData], sent
 * as React's encodeReply multipart (`0` = the argument list, `_1_<field>` = the form fields).
 */
export async function callAction<T>(
  session: Session,
  page: string,
  id: string,
  previous: unknown,
  fields: Record<string, string> | [string, string | Blob, string?][],
): Promise<ActionResult<T>> {
  const body = new FormData();
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  // React 19.3's encoding of a FormData argument: its fields as `_1_<name>`, in order, referenced as `$K1`.
  for (const [k, v, name] of entries) {
    if (typeof v === "string") body.append(`_1_${k}`, v);
    else body.append(`_1_${k}`, v, name);
  }
  body.append("0", JSON.stringify([previous, "$K1"]));
  const started = performance.now();
  const r = await session.fetch(page, {
    method: "POST",
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: session.base },
    body,
  });
  const text = await r.text();
  const ms = performance.now() - started;
  let state: T | null = null;
  if (r.status === 200 && (r.headers.get("content-type") ?? "").includes("text/x-component")) {
    const rows = flightRows(text);
    const root = rows.get("0") as { a?: unknown } | undefined;
    if (root && "a" in root) state = resolveFlight(root.a, rows) as T;
  }
  return { status: r.status, state, body: text, headers: r.headers, ms };
}
