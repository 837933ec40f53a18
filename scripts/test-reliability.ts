// `npm run test:reliability`: the reliability suite over HTTP against the production build, built first when
// missing or older than the sources: load, faults, sessions, audit, backup (vitest.reliability.config.ts),
// then the authorization matrix and hostile input (tests/reliability/playwright.config.ts). `--fast` runs
// the subset `npm test` runs (RELIABILITY_FAST=1). Figures land in test-results/reliability/*.json.
import { spawnSync } from "node:child_process";
import { buildIsStale } from "./lib/build";

const fast = process.argv.includes("--fast");
const rest = process.argv.slice(2).filter((a) => a !== "--fast");
if (buildIsStale()) {
  console.log("Membangun aplikasi (next build)…");
  if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}
const r = spawnSync("npx", ["vitest", "run", "--config", "vitest.reliability.config.ts", ...rest], {
  stdio: "inherit",
  env: { ...process.env, ...(fast ? { RELIABILITY_FAST: "1" } : {}) },
});
// The authorization matrix, forged posts and hostile input (Playwright over HTTP); `npm test` runs a sample
// of the matrix inside its end-to-end run instead.
const http = fast ? { status: 0 } : spawnSync("npx", ["playwright", "test", "-c", "tests/reliability/playwright.config.ts"], { stdio: "inherit" });
process.exit((r.status ?? 1) || (http.status ?? 1));
