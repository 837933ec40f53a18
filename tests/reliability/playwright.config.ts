import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// `npm run test:reliability`: the authorization matrix, forged posts and hostile input, over HTTP against the
// production build served by `npm run demo` on a throw-away data folder (as the end-to-end tests do).
// RELIABILITY_BASE_URL + RELIABILITY_DATA_DIR point the suite at a server that is already running instead.
const root = path.resolve(import.meta.dirname, "../..");
const external = process.env.RELIABILITY_BASE_URL;
const PORT = Number(process.env.RELIABILITY_PORT ?? 3220);
if (!process.env.RELIABILITY_DATA_DIR) process.env.RELIABILITY_DATA_DIR_MADE = "1"; // removed by teardown.ts
const dataDir = process.env.RELIABILITY_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "pantau-rel-"));
process.env.RELIABILITY_DATA_DIR = dataDir; // workers re-read this config: keep one folder
process.env.RELIABILITY_BASE_URL = external ?? `http://localhost:${PORT}`;

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: path.join(root, "test-results/reliability-output"),
  workers: 1,
  retries: 0,
  timeout: 600_000,
  reporter: [["list"], ["json", { outputFile: path.join(root, "test-results/reliability-http.json") }]],
  globalSetup: "./setup.ts",
  globalTeardown: "./teardown.ts",
  webServer: external
    ? undefined
    : {
        command: "npm run demo",
        cwd: root,
        url: `http://localhost:${PORT}/login`,
        timeout: 600_000,
        reuseExistingServer: false,
        // PANTAU_TRUST_PROXY: the hostile logins play many client addresses (X-Forwarded-For), so that the
        // login throttle of their address does not hold up the suite's own logins from 127.0.0.1.
        env: { PORT: String(PORT), PANTAU_DATA_DIR: dataDir, NEXTAUTH_URL: `http://localhost:${PORT}`, PANTAU_TRUST_PROXY: "1" },
        stdout: "ignore",
        stderr: "pipe",
      },
});
