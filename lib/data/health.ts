import "server-only";
import { pool } from "@/lib/db/pool";

// What a load balancer or systemd asks: does this server answer, and does its database answer in time.

const DATABASE_TIMEOUT_MS = 2_000;

export interface Health {
  status: "ok" | "gangguan";
  server: "ok";
  database: "ok" | "tidak tersedia";
}

/** `SELECT 1` within 2 s; any error or a late answer counts as unavailable (its text is not returned). */
export async function health(): Promise<Health> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS).unref());
  const probe = pool()
    .then((p) => p.query("SELECT 1"))
    .then(() => true)
    .catch(() => false);
  const up = await Promise.race([probe, timeout]);
  return { status: up ? "ok" : "gangguan", server: "ok", database: up ? "ok" : "tidak tersedia" };
}
