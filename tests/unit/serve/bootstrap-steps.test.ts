import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { bootstrapSteps, buildBootstrapSteps } from "@/scripts/lib/bootstrap-steps.mjs";
import { deferHeadScripts } from "@/scripts/lib/scripts-after-paint.mjs";

// Chunks as Turbopack 16 writes them (trimmed): main-app's bootstrap callback requires app-index (98569),
// whose factory imports its modules at the top, then declares functions that require more, lazily.
const MAIN_APP =
  '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["object"==typeof document?document.currentScript:void 0,' +
  '94553,(e,t,n)=>{"use strict";e.i(47167),e.r(23755);let r=e.r(96517);let l=e.r(5526);(0,r.appBootstrap)(()=>{let{hydrate:t}=e.r(98569);t(l)})}]);';
const APP_INDEX =
  '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["object"==typeof document?document.currentScript:void 0,' +
  '12,(e,t,n)=>{"use strict";t.exports=1},98569,(e,t,n)=>{"use strict";let r;e.i(47167),Object.defineProperty(n,"hydrate",{enumerable:!0,get:function(){return U}});' +
  "let i=e.r(55682),u=e.r(43476);e.r(23911);let s=i._(e.r(88014)),c=i._(e.r(71645)),d=e.r(55682);" +
  'function L(e){return e.r(777)}async function U(){return e.r(888)}},555,(e,t,n)=>{"use strict";t.exports=2}]);';

describe("bootstrapSteps", () => {
  it("finds app-index through main-app's bootstrap, and lists its top-level imports in order, then itself", () => {
    expect(bootstrapSteps([APP_INDEX, MAIN_APP])).toEqual([47167, 55682, 43476, 23911, 88014, 71645, 98569]);
  });

  it("leaves out the requires inside its functions (they may never run, or run later)", () => {
    const steps = bootstrapSteps([MAIN_APP, APP_INDEX]);
    expect(steps).not.toContain(777);
    expect(steps).not.toContain(888);
  });

  it("finds nothing when the build does not have that shape (a Next.js upgrade): the page starts as Next wrote it", () => {
    expect(bootstrapSteps([APP_INDEX])).toEqual([]);
    expect(bootstrapSteps([MAIN_APP.replace("appBootstrap", "startApp")])).toEqual([]);
    expect(bootstrapSteps([])).toEqual([]);
    // main-app found, app-index's factory not: no step either.
    expect(bootstrapSteps([MAIN_APP])).toEqual([]);
  });

  it("reads a build's chunks from disk once", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pantau-steps-"));
    try {
      const chunks = path.join(dir, ".next", "static", "chunks");
      fs.mkdirSync(chunks, { recursive: true });
      fs.writeFileSync(path.join(chunks, "a.js"), MAIN_APP);
      fs.writeFileSync(path.join(chunks, "b.js"), APP_INDEX);
      fs.writeFileSync(path.join(chunks, "a.css"), "body{}");
      expect(buildBootstrapSteps(dir)).toEqual([47167, 55682, 43476, 23911, 88014, 71645, 98569]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Runs the loader of a rewritten head in a small browser of its own: timers are tasks, run in order;
 *  Turbopack's runtime registers factories and instantiates runtime entries in a microtask; Next's
 *  bootstrap runs `self.__next_s` as app-bootstrap.js does (inline: set the code, setTimeout(resolve),
 *  append, which runs the code), then hydrates. Each module costs `cost(id)` ms on the clock. */
function runBootstrap(steps: number[], cost: (id: number) => number) {
  let now = 0;
  let task = 0;
  const timers: (() => void)[] = [];
  const log: { what: string; task: number }[] = [];
  const factories = new Map<unknown, (ctx: { r: (id: unknown) => void }) => void>();
  const evaluated = new Set<unknown>();
  const ctx = {
    r(id: unknown) {
      if (evaluated.has(id)) return;
      evaluated.add(id);
      if (typeof id === "number") {
        now += cost(id);
        log.push({ what: `module ${id}`, task });
      } else factories.get(id)!(ctx);
    },
  };
  const setTimeout = (fn: () => void) => void timers.push(fn);
  const sandbox: Record<string, unknown> = {
    setTimeout,
    requestAnimationFrame: () => {},
    performance: { now: () => now },
    document: {
      head: {
        appendChild(el: { innerHTML?: string; src?: string }) {
          if (el.innerHTML) vm.runInContext(el.innerHTML, context);
        },
      },
      createElement: () => ({ setAttribute() {} }),
    },
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  sandbox.globalThis = sandbox;
  const context = vm.createContext(sandbox);
  const html = deferHeadScripts('<head><meta charSet="utf-8"/><script src="/_next/static/chunks/a.js" async=""></script></head>', steps);
  vm.runInContext(/<script>(.*?)<\/script>/.exec(html)![1], context);
  // The runtime, once its chunk has run.
  sandbox.TURBOPACK = {
    push(x: unknown) {
      if (Array.isArray(x)) factories.set(x[1], x[2]);
      else queueMicrotask(() => (x as { runtimeModuleIds: unknown[] }).runtimeModuleIds.forEach((id) => ctx.r(id)));
    },
  };
  // main-app's bootstrap: loadScriptsInSequence(self.__next_s, hydrate).
  const scripts = (sandbox.__next_s as [number, { children: string }][]) ?? [];
  let chain = Promise.resolve();
  for (const [, props] of scripts)
    chain = chain.then(
      () =>
        new Promise<void>((resolve) => {
          const el = { innerHTML: props.children };
          setTimeout(resolve);
          (sandbox.document as { head: { appendChild(e: unknown): void } }).head.appendChild(el);
        }),
    );
  const hydrated = chain.then(() => {
    for (const id of steps) ctx.r(id); // app-index's own requires: cached when the steps ran them
    log.push({ what: "hydrate", task });
  });
  const drain = async () => {
    for (;;) {
      await new Promise((r) => setImmediate(r)); // every microtask of the task
      const next = timers.shift();
      if (!next) break;
      task += 1;
      next();
    }
    await hydrated;
  };
  return { drain, log, scripts };
}

describe("the loader's bootstrap steps", () => {
  it("evaluates the modules in app-index's order, a few milliseconds per task, all before hydrating", async () => {
    const steps = [1, 2, 3, 4, 5, 6, 98569];
    const heavy = new Set([3]);
    const run = runBootstrap(steps, (id) => (heavy.has(id) ? 12 : 2));
    await run.drain();
    expect(run.log.map((l) => l.what)).toEqual([...steps.map((id) => `module ${id}`), "hydrate"]);
    const tasks = new Map<number, string[]>();
    for (const l of run.log) tasks.set(l.task, [...(tasks.get(l.task) ?? []), l.what]);
    // 2 + 2 + 12 ms, then 2 + 2 + 2, then 2: no task holds more than one module once 5 ms are spent.
    expect([...tasks.values()]).toEqual([["module 1", "module 2", "module 3"], ["module 4", "module 5", "module 6"], ["module 98569"], ["hydrate"]]);
  });

  it("queues no script and changes nothing when the build gave no steps", async () => {
    const run = runBootstrap([], () => 1);
    expect(run.scripts).toEqual([]);
    await run.drain();
    expect(run.log.map((l) => l.what)).toEqual(["hydrate"]);
  });

  it("leaves what remains to Next when the steps run out of scripts (at most 8), still in order", async () => {
    const steps = Array.from({ length: 20 }, (_, i) => i + 1);
    const run = runBootstrap(steps, () => 6);
    expect(run.scripts).toHaveLength(9);
    await run.drain();
    expect(run.log.map((l) => l.what)).toEqual([...steps.map((id) => `module ${id}`), "hydrate"]);
    const last = run.log.find((l) => l.what === "hydrate")!.task;
    expect(run.log.filter((l) => l.task === last)).toHaveLength(20 - 8 + 1);
  });
});
