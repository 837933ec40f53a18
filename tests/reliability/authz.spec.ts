// Authorization matrix over HTTP against the production build: every cell of matrix.ts, server actions both
// with and without JavaScript. Figures go to test-results/reliability/authz.json (then docs/reliability.md).
import { expect, test } from "@playwright/test";
import { actionIds, counters } from "./client";
import { closeDb, ensureSubmittedReport } from "./db";
import { PANDEGLANG, PERIODE } from "./fixtures";
import { appendFigures, readRecords, writeFigures } from "./figures";
import { MATRIX } from "./matrix";
import { endpointKey, enumerateEndpoints } from "./routes";
import { Runner, cells, describeCell, type CellResult } from "./runner";

test.describe.configure({ mode: "default" }); // in file order, one worker; a failed row does not stop the rest

const runner = new Runner(process.env.RELIABILITY_BASE_URL!);
const started = Date.now();

let requestsBefore = 0;
test.beforeAll(async () => {
  requestsBefore = counters.requests;
  // Kabupaten Pandeglang has no demo reports: give it one to verify, so "other kabupaten" is tested on a real id.
  await ensureSubmittedReport(PANDEGLANG, PERIODE.tahun, PERIODE.bulan);
});

// Figures go to a file as the tests run: a failed test restarts the worker, and memory with it.
test.afterEach(() => {
  for (const r of runner.results.splice(0)) appendFigures("authz-cells", r);
  appendFigures("authz-requests", { requests: counters.requests - requestsBefore });
  requestsBefore = counters.requests;
});

test.afterAll(async () => {
  const results = readRecords<CellResult>("authz-cells");
  const byOutcome: Record<string, number> = {};
  for (const r of results) byOutcome[r.expected] = (byOutcome[r.expected] ?? 0) + 1;
  writeFigures("authz", {
    endpoints: new Set(MATRIX.map((r) => r.endpoint)).size,
    rows: MATRIX.length,
    cells: results.length,
    requests: readRecords<{ requests: number }>("authz-requests").reduce((n, r) => n + r.requests, 0),
    byOutcome,
    failed: results.filter((r) => r.problems.length > 0),
    seconds: Math.round((Date.now() - started) / 1000),
  });
  await closeDb();
});

test("every page, route handler method and server action of the code is in the matrix", () => {
  const inMatrix = new Set(MATRIX.map((r) => r.endpoint));
  expect(enumerateEndpoints().map(endpointKey).filter((k) => !inMatrix.has(k))).toEqual([]);
});

test("every server action of the build is in the matrix", () => {
  const inMatrix = new Set(MATRIX.filter((r) => r.endpoint.startsWith("action ")).map((r) => r.endpoint.slice(7)));
  expect([...actionIds().keys()].filter((name) => !inMatrix.has(name))).toEqual([]);
});

const all = cells();
for (const row of [...new Set(all.map((c) => c.row))]) {
  test(`${row.endpoint} — ${row.case}`, async () => {
    for (const c of all.filter((x) => x.row === row)) {
      for (const transport of isAction(row) ? (["fetch", "form"] as const) : (["fetch"] as const)) {
        const r = await runner.cell(c.row, c.column, c.user, c.fixture, transport);
        expect.soft(r.problems, `${describeCell(c)} [${r.transport}, ${r.status}]`).toEqual([]);
      }
    }
  });
}

function isAction(row: (typeof MATRIX)[number]): boolean {
  return row.endpoint.startsWith("action ");
}
