import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

// GET /sw.js — the service worker (lib/offline/sw.ts with Serwist), bundled once at `next build` by esbuild
// (Turbopack has no service-worker entry; @serwist/next needs webpack) and served as a static file. It holds
// code only, no data. Its revision of the entry shell is the build id, so every build refreshes the shell.

export const dynamic = "force-static";

export async function GET() {
  const root = process.cwd();
  const buildId = fs.existsSync(path.join(root, ".next/BUILD_ID")) ? fs.readFileSync(path.join(root, ".next/BUILD_ID"), "utf8").trim() : String(Date.now());
  const out = await build({
    entryPoints: [path.join(root, "lib/offline/sw.ts")],
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    target: "es2020",
    define: { __REVISI__: JSON.stringify(buildId), "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return new Response(out.outputFiles[0].text, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache", "Service-Worker-Allowed": "/laporan" },
  });
}
