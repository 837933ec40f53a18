import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbedded } from "@/lib/db/embedded";

// The embedded data folder holds the generated session secret: it must never be world-writable, also when
// the process runs as root (CI does), where PostgreSQL runs as user `postgres`.
describe("embedded data folder", () => {
  it(`a folder left 0777 is tightened to 0755 and PostgreSQL still starts (running as ${process.getuid?.() === 0 ? "root" : "a user"})`, async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "pantau-folder-"));
    fs.chmodSync(parent, 0o755);
    const dir = path.join(parent, "data");
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    const server = await startEmbedded(dir);
    try {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o755);
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      expect((await c.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await c.end();
    } finally {
      await server.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    }
  }, 120_000);
});
