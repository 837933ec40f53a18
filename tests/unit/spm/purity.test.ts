import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = path.resolve(import.meta.dirname, "../../../lib/spm");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

describe("lib/spm stays pure", () => {
  it.each(files)("%s imports only sibling modules (or zod), extensionless", (file) => {
    const source = readFileSync(path.join(dir, file), "utf8");
    const specifiers = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    for (const s of specifiers) expect(s === "zod" || /^\.\/[a-z-]+$/.test(s), `${file}: ${s}`).toBe(true);
  });

  it.each(files)("%s uses no clock, randomness or I/O", (file) => {
    const source = readFileSync(path.join(dir, file), "utf8");
    expect(source).not.toMatch(/\bDate\b|Math\.random|process\.|require\(|import\(|fetch\(/);
  });
});
