import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests against the production build (`next build` runs before, see scripts/test.ts), served by
// `npm run demo` on a throw-away data folder. Browsers cannot be downloaded here: Debian's chromium is used.
const PORT = Number(process.env.E2E_PORT ?? 3210);
// A folder made here is removed after the run (tests/e2e/teardown.ts): each run's demo database is ~600 MB.
if (!process.env.E2E_DATA_DIR) process.env.E2E_DATA_DIR_MADE = "1";
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "pantau-e2e-"));
process.env.E2E_DATA_DIR = dataDir; // workers re-read this config: keep one folder
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/teardown.ts",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "off",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npm run demo",
    url: `http://localhost:${PORT}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT), PANTAU_DATA_DIR: dataDir, NEXTAUTH_URL: `http://localhost:${PORT}` },
    stdout: "ignore",
    stderr: "pipe",
  },
});
