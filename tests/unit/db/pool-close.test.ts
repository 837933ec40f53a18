import { afterEach, describe, expect, it } from "vitest";
import { closePool, pool } from "@/lib/db/pool";

// A database that cannot be reached (nothing listens on port 1): the pool's start fails (migrations need a
// connection), and closing the pools afterwards must not hide that error behind one of its own.
const saved = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = saved;
});

describe("closePool after a failed start", () => {
  it("reports the database as unavailable, and closing afterwards resolves quietly", async () => {
    process.env.DATABASE_URL = "postgresql://postgres:pantau@127.0.0.1:1/pantau";
    await expect(pool()).rejects.toMatchObject({ name: "DatabaseUnavailableError", message: "Basis data tidak tersedia." });
    await expect(closePool()).resolves.toBeUndefined();
  });
});
