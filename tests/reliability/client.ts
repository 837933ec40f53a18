// An HTTP client that behaves like the browser: next-auth's credentials login (CSRF cookie + session
// cookie), plain GET/POST, and server actions posted the two ways a browser posts them — with JavaScript
// (`Next-Action` header, React's reply encoding) and without (the progressive-enhancement form fields).
import fs from "node:fs";
import path from "node:path";
import type { Call } from "./matrix";

export interface Answer {
  status: number;
  location: string | null;
  contentType: string;
  text: string;
}

export class Session {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const i = kv.indexOf("=");
      const value = kv.slice(i + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(kv.slice(0, i));
      else this.cookies.set(kv.slice(0, i), value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Answer> {
    counters.requests++;
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.header());
    const res = await fetch(this.base + pathname, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    this.keep(res);
    const buf = Buffer.from(await res.arrayBuffer());
    const contentType = res.headers.get("content-type") ?? "";
    const text = /^(text|application\/(json|x-component|javascript))/.test(contentType) || contentType === "" ? buf.toString("utf8") : buf.toString("latin1");
    return { status: res.status, location: res.headers.get("location") ?? res.headers.get("x-action-redirect"), contentType, text };
  }

  /** next-auth credentials login; returns the JSON answer (`{ url }`, with `error=` on failure). */
  async login(email: string, password: string, headers: Record<string, string> = {}): Promise<Answer> {
    const csrf = await this.fetch("/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${this.base}/` }),
    });
  }

  get loggedIn(): boolean {
    return this.cookies.has("next-auth.session-token");
  }

  send(call: Call, transport: "fetch" | "form" = "fetch"): Promise<Answer> {
    if (call.action) return transport === "fetch" ? this.callAction(call.action) : this.postForm(call.action);
    const headers: Record<string, string> = { ...call.headers };
    if (call.contentType) headers["content-type"] = call.contentType;
    return this.fetch(call.path, { method: call.method, headers, body: call.body });
  }

  /** As the client router does: POST to the page, `Next-Action: <id>`, arguments in React's reply format. */
  callAction(a: NonNullable<Call["action"]>): Promise<Answer> {
    const body = new FormData();
    for (const [k, v] of a.fields) body.append(`_1_${k}`, v);
    body.append("0", JSON.stringify([...a.before, "$K1"])); // the root comes last, as encodeReply writes it
    return this.fetch(a.page, { method: "POST", headers: { "Next-Action": actionId(a.name), Accept: "text/x-component", Origin: this.base }, body });
  }

  /** As a browser without JavaScript does: the form's hidden `$ACTION_*` fields plus the inputs. */
  postForm(a: NonNullable<Call["action"]>): Promise<Answer> {
    const body = new FormData();
    if (a.before.length === 0) body.append(`$ACTION_ID_${actionId(a.name)}`, "");
    else {
      body.append("$ACTION_REF_1", "");
      body.append("$ACTION_1:0", JSON.stringify({ id: actionId(a.name), bound: "$@1" }));
      body.append("$ACTION_1:1", JSON.stringify(a.before));
      body.append("$ACTION_KEY", "k0");
    }
    for (const [k, v] of a.fields) body.append(k, v);
    return this.fetch(a.page, { method: "POST", headers: { Origin: this.base }, body });
  }
}

export const counters = { requests: 0 };

let manifest: Map<string, string> | null = null;

/** Server action ids of the production build, by exported name. */
export function actionIds(root = path.resolve(import.meta.dirname, "../..")): Map<string, string> {
  if (manifest) return manifest;
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  const json = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
  manifest = new Map(Object.entries(json.node).map(([id, v]) => [v.exportedName ?? id, id]));
  return manifest;
}

export function actionId(name: string): string {
  const id = actionIds().get(name);
  if (!id) throw new Error(`server action ${name} is not in the build's manifest (run next build)`);
  return id;
}
