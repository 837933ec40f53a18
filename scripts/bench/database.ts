import path from "node:path";
import { dataDir, startEmbedded, type EmbeddedServer } from "@/lib/db/embedded";

// The benchmark's database: DATABASE_URL when set, else an embedded PostgreSQL in its own folder
// (PANTAU_DATA_DIR, default `.pantau-bench/` of the project) so the demo's `.pantau/` is left alone.

export function benchDataDir(): string {
  if (!process.env.PANTAU_DATA_DIR) process.env.PANTAU_DATA_DIR = path.join(process.cwd(), ".pantau-bench");
  return dataDir();
}

export async function openBenchDatabase(): Promise<EmbeddedServer> {
  const dir = benchDataDir();
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  return startEmbedded(dir);
}
