import fs from "node:fs";

// After the e2e run: the demo's data folder goes, when playwright.config.ts made it (a folder given in
// E2E_DATA_DIR is left alone). Each run's database is ~600 MB; kept, they filled a developer's disk.
export default async function teardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (process.env.E2E_DATA_DIR_MADE === "1" && dir && dir.includes("pantau-e2e-")) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
}
