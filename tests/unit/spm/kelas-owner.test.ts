import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// lib/spm is the only place that classifies a figure: outside it, code reads `kelas` (and `pws`) and
// looks up labels and colours in lib/i18n/kelas.ts. These checks catch a page or export that starts
// judging numbers again (as the heatmap's 80 % band on rounded numbers once did).
const root = path.resolve(import.meta.dirname, "../../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "generated" || name === "spm" ? [] : sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const files = ["app", "components", "lib", "scripts"].flatMap((d) => sources(path.join(root, d)));

describe("only lib/spm classifies", () => {
  it.each(files.map((f) => path.relative(root, f)))("%s compares no capaian with a target and uses no on-track flag", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    expect(source).not.toMatch(/\bonTrack\b|(?<![.\w])melebihiSasaran\(|capaian\w*\s*[<>]=?\s*[\w.]*target/i);
    expect(source).not.toMatch(/target\w*\s*\*\s*0?\.8\b/);
  });
});
