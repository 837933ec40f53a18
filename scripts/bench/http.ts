// A logged-in HTTP client of the running app: next-auth credentials login (the csrf cookie and token, then
// the callback), the session cookie kept for every request, and the browser's no-JavaScript form post.

export class Session {
  private cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(this.base + path, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: this.cookie } });
    this.keep(res);
    return res;
  }

  async text(path: string): Promise<string> {
    const res = await this.fetch(path);
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return res.text();
  }

  async login(email: string, password: string): Promise<this> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: this.base + "/" }).toString(),
    });
    await res.arrayBuffer();
    if (![...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`login ${email} gagal (HTTP ${res.status})`);
    return this;
  }
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w$:.-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) out[m[1]] = decode(m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

function decode(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * The fields a browser without JavaScript would submit from the page's POST form that has the given
 * button: every named input (hidden ones carry the server action's id and bound state) and the button.
 */
export function formFields(html: string, button: { name: string; value: string }): { action: string; fields: [string, string][] } {
  for (const m of html.matchAll(/<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/gi)) {
    const form = m[1];
    if (!new RegExp(`<button[^>]*name="${button.name}"`).test(form)) continue;
    const action = attrs(m[0].slice(0, m[0].indexOf(">"))).action ?? "";
    const fields: [string, string][] = [];
    for (const input of form.matchAll(/<input\b[^>]*>/gi)) {
      const a = attrs(input[0]);
      if (!a.name || a.type === "submit" || ((a.type === "checkbox" || a.type === "radio") && !("checked" in a))) continue;
      fields.push([a.name, a.value ?? ""]);
    }
    fields.push([button.name, button.value]);
    return { action, fields };
  }
  throw new Error(`formulir dengan tombol ${button.name} tidak ditemukan`);
}

export function multipart(fields: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of fields) fd.append(k, v);
  return fd;
}
