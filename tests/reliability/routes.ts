// Everything a request can reach, read from the code: page routes (app/**/page.tsx), route handlers with
// their HTTP methods (app/**/route.ts) and server actions (exports of 'use server' files). The
// authorization matrix must list each of them (tests/reliability/routes.test.ts).
import fs from "node:fs";
import path from "node:path";

export type Endpoint = { kind: "page"; route: string } | { kind: "handler"; route: string; method: string } | { kind: "action"; name: string; file: string };

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** `app/laporan/[desa]/page.tsx` → `/laporan/[desa]`; route groups `(x)` and `@slots` do not appear in the URL. */
export function routeOf(file: string): string {
  const rel = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).filter(Boolean);
  const segs = rel.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return "/" + segs.join("/");
}

/** The HTTP methods a route handler exports (`export function GET`, `export const POST =`, `export { h as GET }`). */
export function methodsOf(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) found.add(name);
    }
  }
  return [...found].filter((n) => HTTP_METHODS.includes(n)).sort();
}

function isUseServerFile(source: string): boolean {
  return /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source);
}

/** Exported names of a 'use server' module: each one is callable over HTTP. */
export function actionsOf(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  }
  if (/export\s+default/.test(source)) names.add("default");
  return [...names].sort();
}

export function endpointKey(e: Endpoint): string {
  if (e.kind === "page") return `page ${e.route}`;
  if (e.kind === "handler") return `${e.method} ${e.route}`;
  return `action ${e.name}`;
}

/** Every endpoint of the app as the code declares it today. */
export function enumerateEndpoints(root = ROOT): Endpoint[] {
  const out: Endpoint[] = [];
  const appFiles = walk(path.join(root, "app"));
  for (const f of appFiles) {
    const base = path.basename(f);
    if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(base)) out.push({ kind: "page", route: routeOf(f) });
    if (/^route\.(ts|js)$/.test(base)) for (const method of methodsOf(fs.readFileSync(f, "utf8"))) out.push({ kind: "handler", route: routeOf(f), method });
  }
  for (const dir of ["app", "components", "lib"]) {
    for (const f of walk(path.join(root, dir))) {
      if (!/\.(ts|tsx)$/.test(f) || f.includes(`${path.sep}generated${path.sep}`)) continue;
      const source = fs.readFileSync(f, "utf8");
      if (!isUseServerFile(source)) continue;
      const file = path.relative(root, f);
      for (const name of actionsOf(source)) out.push({ kind: "action", name, file });
    }
  }
  return out.sort((a, b) => endpointKey(a).localeCompare(endpointKey(b)));
}

/** Files with an inline `"use server"` (inside a function): such actions escape the enumeration above. */
export function inlineServerActions(root = ROOT): string[] {
  const out: string[] = [];
  for (const dir of ["app", "components", "lib"]) {
    for (const f of walk(path.join(root, dir))) {
      if (!/\.(ts|tsx)$/.test(f) || f.includes(`${path.sep}generated${path.sep}`)) continue;
      const source = fs.readFileSync(f, "utf8");
      const count = source.match(/["']use server["']/g)?.length ?? 0;
      if (count > (isUseServerFile(source) ? 1 : 0)) out.push(path.relative(root, f));
    }
  }
  return out;
}
