import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { initDatabase } from "@/lib/db/init";
import { port } from "../support/shared";
import { startApp, startDatabase } from "../support/stack";

// One stack shared by the reliability files that do not break it on purpose (load, sessions, audit,
// backup): a fresh embedded PostgreSQL with the national tree (no demo data: each file creates its own
// accounts, see support/fixtures.ts) and the production build served on RELIABILITY_PORT (default 3620).
// The fault files start stacks of their own.

export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pantau-rel-"));
  fs.chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach the data folder below
  const db = await startDatabase(path.join(dir, "data"));
  let app;
  try {
    await initDatabase(db.url);
    app = await startApp({ port: port(), databaseUrl: db.url, dataDir: db.dir });
  } catch (error) {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  process.env.RELIABILITY_URL = app.url;
  process.env.RELIABILITY_DATABASE_URL = db.url;
  process.env.RELIABILITY_DATA_DIR = db.dir;
  process.env.RELIABILITY_TMP = dir;
  return async () => {
    const log = app.output();
    await app.stop();
    await db.stop();
    fs.mkdirSync(path.join("test-results", "reliability"), { recursive: true });
    fs.writeFileSync(path.join("test-results", "reliability", "server.log"), log);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
