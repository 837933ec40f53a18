// `npm run demo`: database (embedded unless DATABASE_URL), migrations, national tree and demo data when the
// database is empty, a production build when missing or older than the sources, then `next start`.
import { spawn, spawnSync } from "node:child_process";
import pg from "pg";
import { authSecret } from "@/lib/auth/secret";
import { dataDir } from "@/lib/db/embedded";
import { initDatabase } from "@/lib/db/init";
import { migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed-demo";
import { buildIsStale } from "./lib/build";
import { openDatabase } from "./lib/database";

const port = Number(process.env.PORT ?? 3000);

async function main() {
  console.log(`Pantau demo — data: ${process.env.DATABASE_URL ? "DATABASE_URL" : dataDir()}`);
  const server = await openDatabase();
  await migrate(server.url);
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const { rows } = await client.query<{ desa: number; laporan: number }>(
    "SELECT (SELECT count(*) FROM desa)::int AS desa, (SELECT count(*) FROM laporan)::int AS laporan",
  );
  if (rows[0].desa === 0) {
    console.log("Memuat pohon wilayah nasional…");
    await initDatabase(server.url);
  }
  if (rows[0].laporan === 0) {
    console.log("Mengisi data demo…");
    const r = await seedDemo(client, new Date(), console.log);
    console.log(`Data demo: ${r.desa} desa, ${r.laporan} laporan, ${r.nilai} nilai.`);
  }
  await client.end();

  const env = { ...process.env, DATABASE_URL: server.url, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`, NEXTAUTH_SECRET: authSecret() };
  if (buildIsStale()) {
    console.log("Membangun aplikasi (next build)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build gagal");
  }
  const next = spawn("npx", ["next", "start", "-p", String(port)], { stdio: "inherit", env });
  const shutdown = async () => {
    next.kill("SIGTERM");
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code) => {
    await server.stop();
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
