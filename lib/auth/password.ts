import bcrypt from "bcryptjs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

// Slow salted hash (bcrypt, cost 10; stored hashes of any cost stay valid). A check costs ~70 ms of CPU:
// it runs in a small pool of worker threads (PANTAU_BCRYPT_WORKERS, default: the number of cores, at most
// 4), so a burst of logins does not stall every other request of the server's event loop. The worker is
// evaluated from source and loads bcryptjs from the project's node_modules, so it works the same in the
// `next build` server, under tsx and under vitest; if a worker cannot start, the check runs here instead.
const COST = 10;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const bcrypt = require(workerData.bcryptjs);
parentPort.on("message", ({ id, password, hash }) => {
  let ok = false;
  try { ok = bcrypt.compareSync(password, hash); } catch {}
  parentPort.postMessage({ id, ok });
});`;

interface Job {
  id: number;
  password: string;
  hash: string;
  resolve: (ok: boolean) => void;
}

class ComparePool {
  private idle: Worker[] = [];
  private busy = new Map<Worker, Job>();
  private queue: Job[] = [];
  private nextId = 0;
  private broken = false;

  constructor(private readonly size: number) {}

  compare(password: string, hash: string): Promise<boolean> {
    if (this.broken) return bcrypt.compare(password, hash);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, password, hash, resolve });
      this.pump();
    });
  }

  private spawn(): Worker | null {
    try {
      const bcryptjs = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json")).resolve("bcryptjs");
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptjs } });
      worker.unref(); // an idle pool never keeps a process (a script, a test run) alive
      worker.on("message", ({ ok }: { ok: boolean }) => {
        const job = this.busy.get(worker);
        this.busy.delete(worker);
        this.idle.push(worker);
        job?.resolve(ok);
        this.pump();
      });
      worker.on("error", (error) => this.lost(worker, error));
      worker.on("exit", () => this.lost(worker, null));
      return worker;
    } catch (error) {
      this.broken = true;
      console.error("bcrypt worker tidak dapat dijalankan; pemeriksaan kata sandi di thread utama:", error);
      return null;
    }
  }

  /** A worker that died: its job is checked on this thread, the pool makes a new worker when needed. */
  private lost(worker: Worker, error: unknown) {
    if (error) console.error("bcrypt worker mati:", error);
    this.idle = this.idle.filter((w) => w !== worker);
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    if (job) void bcrypt.compare(job.password, job.hash).then(job.resolve, () => job.resolve(false));
    this.pump();
  }

  private pump() {
    while (this.queue.length > 0) {
      let worker = this.idle.pop();
      if (!worker && this.busy.size + this.idle.length < this.size && !this.broken) worker = this.spawn() ?? undefined;
      if (!worker) break;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, password: job.password, hash: job.hash });
    }
    if (this.broken) for (const job of this.queue.splice(0)) void bcrypt.compare(job.password, job.hash).then(job.resolve, () => job.resolve(false));
  }
}

function poolSize(): number {
  const n = Number(process.env.PANTAU_BCRYPT_WORKERS);
  return Number.isInteger(n) && n >= 1 ? n : Math.max(1, Math.min(4, os.availableParallelism()));
}

const globalPool = globalThis as typeof globalThis & { __pantauBcrypt?: ComparePool };

/** Whether `password` matches the bcrypt `hash` (false for a malformed hash), off the main thread. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  globalPool.__pantauBcrypt ??= new ComparePool(poolSize());
  return globalPool.__pantauBcrypt.compare(password, hash);
}

export function hashPasswordSync(password: string): string {
  return bcrypt.hashSync(password, COST);
}
