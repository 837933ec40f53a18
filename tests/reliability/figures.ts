// Figures of a reliability run: each spec writes test-results/reliability/<name>.json; the global teardown
// (teardown.ts) turns them into the "Authorization" and "Hostile input" sections of docs/reliability.md.
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FIGURES_DIR = path.join(ROOT, "test-results", "reliability");

export function writeFigures(name: string, data: unknown): void {
  fs.mkdirSync(FIGURES_DIR, { recursive: true });
  fs.writeFileSync(path.join(FIGURES_DIR, `${name}.json`), JSON.stringify(data, null, 2));
}

export function readFigures<T>(name: string): T | null {
  const file = path.join(FIGURES_DIR, `${name}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as T) : null;
}

/** One record appended to test-results/reliability/<name>.jsonl: survives the worker restart after a failed test. */
export function appendFigures(name: string, record: unknown): void {
  fs.mkdirSync(FIGURES_DIR, { recursive: true });
  fs.appendFileSync(path.join(FIGURES_DIR, `${name}.jsonl`), JSON.stringify(record) + "\n");
}

export function readRecords<T>(name: string): T[] {
  const file = path.join(FIGURES_DIR, `${name}.jsonl`);
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
}
