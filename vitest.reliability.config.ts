import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:reliability`: the reliability suite (issue 9) over HTTP against the production build
// (`next build` first). RELIABILITY_FAST=1 runs only the `*.fast.test.ts` files with small loads: the
// subset `npm test` runs after the build.
const fast = process.env.RELIABILITY_FAST === "1";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/setup/server-only.ts"),
    },
  },
  test: {
    name: "reliability",
    include: fast ? ["tests/reliability/**/*.fast.test.ts"] : ["tests/reliability/**/*.test.ts"],
    // The route enumeration check is a unit test (vitest.config.ts); the authorization matrix, forged posts
    // and hostile input are Playwright specs (tests/reliability/playwright.config.ts).
    exclude: ["tests/reliability/routes.test.ts"],
    globalSetup: ["tests/reliability/setup/global.ts"],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
