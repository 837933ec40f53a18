import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "@/lib/db/embedded";
import { initDatabase } from "@/lib/db/init";
import { seedDemo } from "@/lib/db/seed-demo";

// Integration tests run on a fresh embedded PostgreSQL (or on TEST_DATABASE_URL, which must be an empty
// database), loaded with the national tree and the demo data as of a fixed date.
export const TEST_TODAY = new Date("2026-07-15T00:00:00Z");

export default async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pantau-it-"));
  const server = process.env.TEST_DATABASE_URL
    ? { url: process.env.TEST_DATABASE_URL, stop: async () => {} }
    : await startEmbedded(dir);
  await initDatabase(server.url);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await seedDemo(client, TEST_TODAY);
  await client.end();
  process.env.DATABASE_URL = server.url;
  process.env.PANTAU_DATA_DIR = dir;
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
