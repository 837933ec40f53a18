// `npm run demo`: database (embedded unless DATABASE_URL), migrations, national tree and demo data when the
// database is empty, a production build when missing or older than the sources, then the
// supervised server (scripts/lib/supervise.ts: restarted when it dies).
import { spawnSync } from "node:child_process";
import pg from "pg";
import { generatedSecret } from "@/lib/auth/secret";
import { dataDir } from "@/lib/db/embedded";
import { initDatabase } from "@/lib/db/init";
import { seedDemo } from "@/lib/db/seed-demo";
import { buildIsStale } from "./lib/build";
import { serve } from "./lib/serve";

const port = Number(process.env.PORT ?? 3000);

async function main() {
  console.log(`Pantau demo — data: ${process.env.DATABASE_URL ? "DATABASE_URL" : dataDir()}`);
  // The demo generates its session secret (private file of the data folder) unless one is given.
  const secret = process.env.NEXTAUTH_SECRET || generatedSecret();
  await serve({ port, secret, prepare: seedWhenEmpty });
}

/** The national tree and demo data when the database has none, then a build when missing or stale. */
async function seedWhenEmpty(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ desa: number; laporan: number }>(
    "SELECT (SELECT count(*) FROM desa)::int AS desa, (SELECT count(*) FROM laporan)::int AS laporan",
  );
  if (rows[0].desa === 0) {
    console.log("Memuat pohon wilayah nasional…");
    await initDatabase(url);
  }
  if (rows[0].laporan === 0) {
    console.log("Mengisi data demo…");
    const r = await seedDemo(client, new Date(), console.log);
    console.log(`Data demo: ${r.desa} desa, ${r.laporan} laporan, ${r.nilai} nilai.`);
  }
  await client.end();
  if (buildIsStale()) {
    console.log("Membangun aplikasi (next build)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
    if (build.status !== 0) throw new Error("next build gagal");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
