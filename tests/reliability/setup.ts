import fs from "node:fs";
import { FIGURES_DIR } from "./figures";

// Before a reliability run: forget the figures of the previous one (the teardown writes only this run's).
export default async function setup() {
  fs.rmSync(FIGURES_DIR, { recursive: true, force: true });
}
