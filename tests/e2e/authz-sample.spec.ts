// The fast subset of the authorization matrix (tests/reliability/matrix.ts) inside `npm test`: for every
// endpoint that only reads, its first row, each role and scope once; plus one forged server action. The
// whole matrix runs in `npm run test:reliability`.
import { expect, test } from "@playwright/test";
import { closeDb } from "../reliability/db";
import { BAROS } from "../reliability/fixtures";
import { CALLERS, COLUMNS, MATRIX, type Row } from "../reliability/matrix";
import { Runner } from "../reliability/runner";

const runner = new Runner(`http://localhost:${process.env.E2E_PORT ?? 3210}`);
const firstRows = [...new Map(MATRIX.filter((r) => !r.endpoint.startsWith("action ")).map((r) => [r.endpoint, r] as const)).values()];

test.afterAll(() => closeDb());

test("authorization matrix, sample: each reading endpoint as every role and scope", async () => {
  test.setTimeout(180_000);
  for (const row of firstRows) {
    for (const column of COLUMNS) {
      if (row.expect[column] === "-") continue;
      const [user, fixture] = CALLERS[column][0];
      const r = await runner.cell(row, column, user, fixture);
      expect.soft(r.problems, `${row.endpoint} (${row.case}) ${column} ${user ?? "anonim"} → ${fixture.id} [${r.status}]`).toEqual([]);
    }
  }
  expect(runner.results.length).toBeGreaterThan(100);
});

test("a puskesmas posting another puskesmas's desa report through the server action is refused and writes nothing", async () => {
  const row = MATRIX.find((r) => r.endpoint === "action simpanLaporanAction") as Row;
  for (const transport of ["fetch", "form"] as const) {
    const r = await runner.cell(row, "pkmOther", "anyar", BAROS, transport);
    expect(r.problems, `${transport} [${r.status}]`).toEqual([]);
  }
});
