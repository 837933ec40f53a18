import type { Session } from "./http";
import { formValues, openForm, submitForm } from "./laporan";

// Users saving their desa's monthly reports one after the other, as long as the test lets them, the way a
// person would react to failures: after an error or a dropped connection they wait a moment and try the
// same desa again; a form that opens with a saved version means an earlier attempt did get through.

export interface LoadUser {
  email: string;
  session: Session;
  desa: string[];
}

export type Outcome = "ok" | "conflict" | "sudah" | "db" | "error" | "5xx" | "network";

export interface Attempt {
  kind: "form" | "save";
  desa: string;
  outcome: Outcome;
  status: number;
  /** When the request started / ended, ms since the load began. */
  start: number;
  end: number;
  message: string;
  body: string;
}

const DB_MESSAGE = /Basis data sedang tidak tersedia/;

export class SaveLoad {
  readonly attempts: Attempt[] = [];
  /** Values of every save the server acknowledged (answered "terkirim"), by desa. */
  readonly acknowledged = new Map<string, Record<string, number>>();
  /** Values every desa is sent with (the same on every retry). */
  readonly sent = new Map<string, Record<string, number>>();
  private stopped = false;
  private readonly t0 = performance.now();
  private running: Promise<void> | null = null;

  constructor(
    private readonly users: readonly LoadUser[],
    private readonly tahun: number,
    private readonly bulan: number,
  ) {}

  now(): number {
    return performance.now() - this.t0;
  }

  start(): void {
    this.running = Promise.all(this.users.map((u) => this.user(u))).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private record(a: Omit<Attempt, "end">): void {
    this.attempts.push({ ...a, end: this.now() });
  }

  private async user(u: LoadUser): Promise<void> {
    let i = 0;
    while (!this.stopped && i < u.desa.length) {
      const desa = u.desa[i];
      const values = this.sent.get(desa) ?? formValues(Number(desa.replace(/\D/g, "")) % 100_003);
      this.sent.set(desa, values);
      let start = this.now();
      try {
        const f = await openForm(u.session, desa, this.tahun, this.bulan);
        const failed = f.status !== 200 || f.versi === null;
        this.record({ kind: "form", desa, outcome: f.status >= 500 ? "5xx" : failed ? (DB_MESSAGE.test(f.html) ? "db" : "error") : "ok", status: f.status, start, message: "", body: failed ? f.html : "" });
        if (failed) {
          await pause();
          continue;
        }
        if (f.versi! > 0) {
          i++; // saved by an attempt whose answer never arrived
          continue;
        }
        start = this.now();
        const r = await submitForm(u.session, { desa, tahun: this.tahun, bulan: this.bulan, versi: 0, values });
        const s = r.state;
        const outcome: Outcome = r.status >= 500 ? "5xx" : s?.status === "ok" ? "ok" : s?.status === "conflict" ? "conflict" : s && DB_MESSAGE.test(s.message ?? "") ? "db" : "error";
        this.record({ kind: "save", desa, outcome, status: r.status, start, message: s?.message ?? "", body: outcome === "ok" ? "" : r.body });
        if (outcome === "ok") this.acknowledged.set(desa, values);
        if (outcome === "ok" || outcome === "conflict") i++;
        else await pause();
      } catch (error) {
        this.record({ kind: "save", desa, outcome: "network", status: 0, start, message: String((error as Error).cause ?? error), body: "" });
        await pause();
      }
    }
  }
}

function pause(): Promise<void> {
  return new Promise((r) => setTimeout(r, 300));
}

/** Texts that would reveal internals in an answer: stack frames, driver and database messages. */
export const INTERNALS = /\n\s+at [\w.<]+ \(|node_modules|ECONNREFUSED|ECONNRESET|terminating connection|Connection terminated|PrismaClient|DriverAdapterError|DatabaseUnavailableError|postgres(ql)?:\/\//;
