import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// prisma/schema.prisma and the SQL migrations (applied by lib/db/migrate.ts) must describe the same
// database. `prisma migrate diff --from-url` is refused while prisma.config.ts declares a driver adapter
// (Prisma 6.19 with the JS schema engine, the only one that runs here), so the migrations side is
// `--from-migrations`: the same migration.sql files, applied in order by Prisma through the adapter to a
// fresh empty database on the test server, then described and compared with the schema's datamodel.
// (@prisma/adapter-pg's shadow database keeps the connection string's database, so that fresh database is
// where the files land: it is created here and dropped afterwards.) tests/setup/prisma-diff.config.ts
// teaches the adapter PostgreSQL's catalog types. Hand-written SQL that Prisma does not model (triggers,
// functions, UNLOGGED, storage parameters) is outside the comparison; the rollup queue tables it creates
// are modelled in schema.prisma with @@ignore.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
let adminUrl: string;
let driftUrl: string;
const database = `pantau_drift_${process.pid}`;

beforeAll(async () => {
  adminUrl = process.env.DATABASE_URL!;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${database}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  driftUrl = url.toString();
});

afterAll(async () => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
});

describe("schema.prisma and the SQL migrations", () => {
  it("describe the same database: prisma migrate diff is empty (exit code 0)", async () => {
    const migrations = fs.mkdtempSync(path.join(os.tmpdir(), "pantau-migrations-"));
    try {
      fs.cpSync(path.join(root, "prisma", "migrations"), migrations, { recursive: true });
      // Prisma reads the provider from the lock file the project's own runner does not need.
      fs.writeFileSync(path.join(migrations, "migration_lock.toml"), 'provider = "postgresql"\n');
      const args = [
        "prisma", "migrate", "diff", "--config", "tests/setup/prisma-diff.config.ts",
        "--from-migrations", migrations, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code",
      ];
      const env = { ...process.env, DATABASE_URL: driftUrl, PRISMA_QUERY_ENGINE_LIBRARY: "/dev/null", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
      let code = 0;
      let script = "";
      try {
        script = (await run("npx", args, { cwd: root, env, timeout: 120_000 })).stdout;
      } catch (error) {
        const e = error as { code?: number; stdout?: string; stderr?: string };
        code = typeof e.code === "number" ? e.code : 1;
        script = `${e.stdout ?? ""}\n${e.stderr ?? ""}`;
      }
      // Exit 2 = a difference: the script says what schema.prisma lacks or has too much.
      expect({ code, script: code === 0 ? "" : script }).toEqual({ code: 0, script: "" });
      expect(script).toMatch(/empty migration/);
    } finally {
      fs.rmSync(migrations, { recursive: true, force: true });
    }
  });
});
