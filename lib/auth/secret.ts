import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/embedded";

// The session secret fails closed: in production (NODE_ENV=production) NEXTAUTH_SECRET must be set; only
// the demo (`npm run demo`, which passes it on to the server) and development generate one, into a private
// file of the data folder.

export class MissingSecretError extends Error {
  constructor() {
    super("NEXTAUTH_SECRET belum diisi: di produksi Pantau tidak berjalan tanpanya (lihat docs/deploy.md).");
  }
}

// `next build` prerenders pages that ask for the session before they turn dynamic: a throw-away key there
// signs nothing that leaves the build.
const buildOnlySecret = crypto.randomBytes(32).toString("hex");

export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (process.env.NEXT_PHASE === "phase-production-build") return buildOnlySecret;
  if (process.env.NODE_ENV === "production") throw new MissingSecretError();
  return generatedSecret();
}

/**
 * A random secret kept in `<data>/auth-secret` (mode 0600) so that sessions survive restarts. Refuses a
 * world-writable data folder (anyone could swap the file) and tightens a file readable by others.
 */
export function generatedSecret(dir = dataDir()): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((fs.statSync(dir).mode & 0o002) !== 0) throw new Error(`Folder data ${dir} dapat ditulisi semua pengguna: perbaiki dengan chmod o-w.`);
  const file = path.join(/*turbopackIgnore: true*/ dir, "auth-secret");
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another process wrote it just now
    }
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, "utf8").trim();
}
