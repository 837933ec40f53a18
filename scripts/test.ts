// `npm test`: type-check, lint, Vitest (unit + integration on a fresh embedded PostgreSQL), production
// build, the benchmark smoke, Playwright end-to-end, the fast subset of the reliability suite. Prints one
// closing line `N passed, N failed` over all test cases.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2);

function run(name: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  if (only.length > 0 && !only.includes(name)) return true;
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${r.status === 0 ? "ok" : "GAGAL"} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

function readJson(file: string): unknown {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
}

/** Adds a Vitest JSON report's counts; false when the run was not a success, null without a report. Tests that never reported
 *  (their file's worker died: "Worker exited unexpectedly") count as failed, and so does a run Vitest calls
 *  unsuccessful with no failed test (an unhandled error), whatever its exit code said. */
function addVitest(file: string): boolean | null {
  const r = readJson(file) as {
    numTotalTests: number;
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    success: boolean;
  } | null;
  if (!r) return null; // not run (npm test -- <step>), or it died before writing: see the exit code
  const unreported = Math.max(0, r.numTotalTests - r.numPassedTests - r.numFailedTests - r.numPendingTests - r.numTodoTests);
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests + unreported + (r.success === false && r.numFailedTests + unreported === 0 ? 1 : 0);
  total.skipped += r.numPendingTests + r.numTodoTests;
  if (unreported > 0) console.log(`=== ${unreported} test(s) of ${file} never reported: counted as failed`);
  return r.success !== false && unreported === 0;
}

function addPlaywright(file: string) {
  const r = readJson(file) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
  if (!r) return;
  total.passed += r.stats.expected + r.stats.flaky;
  total.failed += r.stats.unexpected;
  total.skipped += r.stats.skipped;
}

fs.rmSync("test-results", { recursive: true, force: true });
fs.mkdirSync("test-results", { recursive: true });
let ok = true;
ok = run("typecheck", "npx", ["tsc", "--noEmit"]) && ok;
ok = run("lint", "npx", ["eslint", ".", "--max-warnings=0"]) && ok;
const vitestOk = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
const vitestReportOk = addVitest("test-results/vitest.json");
if (!vitestOk && !fs.existsSync("test-results/vitest.json")) total.failed += 1;
ok = vitestOk && vitestReportOk !== false && ok;
const buildOk = run("build", "npx", ["next", "build"]);
ok = buildOk && ok;
if (buildOk) {
  // Smoke of the benchmark (issue 8): a few hundred desa in a throw-away database, a few requests per page;
  // fails on an HTTP error or a dashboard that does not show a just-saved number. Not a measurement.
  const benchDir = fs.mkdtempSync(path.join(os.tmpdir(), "pantau-bench-smoke-"));
  const benchEnv = { PANTAU_DATA_DIR: benchDir, DATABASE_URL: "" };
  const benchOk =
    run("bench-smoke", "npm", ["run", "bench:data", "--", "--desa", "250"], benchEnv) &&
    run("bench-smoke", "npm", ["run", "bench", "--", "--quick", "--port", process.env.BENCH_PORT ?? "3490", "--out", "test-results/bench-smoke"], benchEnv);
  fs.rmSync(benchDir, { recursive: true, force: true });
  if (only.length === 0 || only.includes("bench-smoke")) {
    if (benchOk) total.passed++;
    else total.failed++;
  }
  ok = benchOk && ok;
  const e2eOk = run("e2e", "npx", ["playwright", "test"]);
  addPlaywright("test-results/e2e.json");
  if (!e2eOk && !fs.existsSync("test-results/e2e.json")) total.failed += 1;
  ok = e2eOk && ok;
  // The fast subset of the reliability suite (headers, sessions, audit, backup/restore, 20-user load).
  const relOk = run("reliability", "npx", ["vitest", "run", "--config", "vitest.reliability.config.ts", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/reliability.json"], { RELIABILITY_FAST: "1" });
  const relReportOk = addVitest("test-results/reliability.json");
  if (!relOk && !fs.existsSync("test-results/reliability.json")) total.failed += 1;
  ok = relOk && relReportOk !== false && ok;
}
if (!ok && total.failed === 0) total.failed = 1; // a failed type-check, lint or build counts as a failure
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
// A failed test case fails the run even when its runner exited 0 (the counts come from the JSON reports).
process.exit(ok && total.failed === 0 ? 0 : 1);
