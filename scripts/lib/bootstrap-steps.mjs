// Next's start-up in steps (issue 17: total blocking time on a cheap phone). When the page's last chunk
// arrives, Next's entry (main-app) runs, and its bootstrap callback requires app-index (React DOM, the
// router, the decoding of the page's RSC payload) and hydrates, all in one task: 150 ms on a phone 4×
// slower than this machine, a long task that blocks every tap. Next lets `beforeInteractive` scripts
// (`self.__next_s`) run before that callback, and waits a timer after an inline one; the loader of
// scripts-after-paint.mjs queues one there, which schedules one timer per module app-index imports, in the
// order app-index imports them, and one for app-index itself. Each timer requires its module through
// Turbopack's runtime (a module of our own, registered as a runtime entry), so React DOM, the router and
// app-index each evaluate in a task of their own; the bootstrap callback then finds them all evaluated, in
// the same order as ever, and only hydrates. The module ids come from the build (read once per server):
// when a Next.js upgrade changes the entry's shape, no step is found and the page starts as Next wrote it.
// Plain JavaScript: scripts/next-server.mjs runs under `node`, without tsx.
import fs from "node:fs";
import path from "node:path";

/** main-app's bootstrap callback: `appBootstrap)(()=>{let{hydrate:t}=e.r(98569);…` (98569: app-index). */
const BOOTSTRAP = /appBootstrap\)\(\(\)=>\{let\{hydrate:[\w$]+\}=[\w$]+\.r\((\d+)\)/;

/** The module ids to evaluate one task at a time before Next hydrates: app-index's top-level imports in
 *  their order, then app-index; [] when the build's chunks (their texts) do not show them. */
export function bootstrapSteps(chunkTexts) {
  const entry = chunkTexts.map((t) => BOOTSTRAP.exec(t)).find(Boolean);
  if (!entry) return [];
  const appIndex = entry[1];
  // A module is `id,(e,t,n)=>{…}` (or `id,otherId,(…)=>{…}`) in Turbopack's chunk array.
  const factory = new RegExp(`[,\\[]${appIndex},(?:\\d+,)*\\([\\w$,]*\\)=>\\{`);
  for (const text of chunkTexts) {
    const start = factory.exec(text);
    if (!start) continue;
    const body = text.slice(start.index + start[0].length, start.index + start[0].length + 8000);
    // Its imports come before its first function declaration; later requires may be conditional.
    const end = body.search(/\bfunction [\w$]+\(/);
    const imports = [...body.slice(0, end < 0 ? 0 : end).matchAll(/\b[\w$]+\.[ri]\((\d+)\)/g)].map((m) => Number(m[1]));
    return [...new Set(imports), Number(appIndex)];
  }
  return [];
}

let cached = null;

/** bootstrapSteps of the build in `dir` (its .next/static/chunks), read once. */
export function buildBootstrapSteps(dir = process.cwd()) {
  if (cached) return cached;
  const chunks = path.join(dir, ".next", "static", "chunks");
  let texts = [];
  try {
    texts = fs
      .readdirSync(chunks)
      .filter((f) => f.endsWith(".js"))
      .map((f) => fs.readFileSync(path.join(chunks, f), "utf8"));
  } catch {
    texts = [];
  }
  cached = bootstrapSteps(texts);
  return cached;
}
