import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Backup and restore of the configured database (embedded or DATABASE_URL) with PostgreSQL's own tools:
// pg_dump in the custom format (-Fc: compressed, restorable table by table) and pg_restore --clean in one
// transaction (a broken or foreign file changes nothing). The tools come from Debian's
// `postgresql-client-15` (/usr/lib/postgresql/15/bin, installed by .ci/run); PANTAU_PG_BIN points to
// another folder, e.g. the client tools of a newer server (pg_dump can only dump servers of its own major
// version or older). The password goes through PGPASSWORD, never on the command line.

type PgTool = "pg_dump" | "pg_restore";

const CANDIDATE_DIRS = () => [process.env.PANTAU_PG_BIN, "/usr/lib/postgresql/15/bin", ...(process.env.PATH ?? "").split(path.delimiter)];

function pgTool(name: PgTool): string {
  for (const dir of CANDIDATE_DIRS()) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  throw new Error(`${name} tidak ditemukan: pasang paket Debian postgresql-client-15 (apt-get install postgresql-client-15) atau isi PANTAU_PG_BIN.`);
}

/** The connection string without its password, and the password for PGPASSWORD. */
function splitPassword(url: string): { url: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = "";
  return { url: u.toString(), password };
}

function run(tool: PgTool, args: string[], url: string): Promise<void> {
  const { url: dbname, password } = splitPassword(url);
  return new Promise((resolve, reject) => {
    const child = spawn(pgTool(tool), [...args, `--dbname=${dbname}`], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGCONNECT_TIMEOUT: "10" },
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} gagal (kode ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`))));
  });
}

/** `backups/pantau-YYYYMMDD-HHMMSS.dump` under the current folder. */
export function defaultBackupFile(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join("backups", `pantau-${stamp}.dump`);
}

export async function backupDatabase(url: string, file: string): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.sebagian`;
  try {
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`], url);
    fs.renameSync(partial, file); // a finished dump only: an interrupted one never carries the final name
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file, bytes: fs.statSync(file).size };
}

/** Replaces the database's contents with the dump's, all or nothing. */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`Berkas cadangan tidak ada: ${file}`);
  await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file], url);
}
