import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { accountKey, ACCOUNT_FREE_FAILURES } from "@/lib/auth/throttle";
import { stableUuid } from "@/lib/db/random";
import { lastFullMonth } from "@/lib/spm/periode";
import { todayWib } from "@/lib/clock";
import { ADMIN_USER, AUDIT_PROVINSI, createAuditUsers, createUsers, PASSWORD, type AuditFixture, type TestUser } from "../support/fixtures";
import { actionId, callAction, login, type Session } from "../support/http";
import { formValues, submitForm } from "../support/laporan";
import { sharedStack, withClient, writeFigures } from "../support/shared";
import { ROOT } from "../support/stack";

// The audit log is complete: every path that changes data (report form, submit, verify / return /
// reopen, CLI import of values, web upload, sasaran and penduduk imports, failed logins and lockout,
// logout, API tokens) is taken once, and the rows that changed (a before/after snapshot of every audited
// table) must each have audit rows with who, when, the old and the new value — and nothing else is logged.

const stack = sharedStack();
const { tahun, bulan } = todayWib();
const lalu = lastFullMonth({ tahun, bulan });
const CLI_EMAIL = "cli@pantau.local";
const LOCKED: TestUser = { email: "uji.audit.kunci@pantau.test", role: "DINKES_PROVINSI", provinsiKode: AUDIT_PROVINSI, kabupatenKode: null, puskesmasKode: null };

type Snapshot = Map<string, unknown>;

/** Every audited fact of the audit provinsi (plus the accounts and tokens), keyed `entitas:kunci` as the log keys them. */
async function snapshot(c: pg.Client): Promise<Snapshot> {
  const s: Snapshot = new Map();
  const q = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows;
  for (const r of await q(`SELECT desa_kode, tahun, bulan, indikator_kode, nilai FROM nilai WHERE provinsi_kode = $1`, [AUDIT_PROVINSI]))
    s.set(`nilai:${r.desa_kode}/${r.tahun}/${r.bulan}/${r.indikator_kode}`, r.nilai);
  for (const r of await q(`SELECT desa_kode, tahun, bulan, status::text FROM laporan WHERE provinsi_kode = $1`, [AUDIT_PROVINSI]))
    s.set(`laporan:${r.desa_kode}/${r.tahun}/${r.bulan}`, r.status);
  for (const r of await q(`SELECT desa_kode, tahun, indikator_kode, jumlah, sumber::text FROM sasaran WHERE provinsi_kode = $1`, [AUDIT_PROVINSI]))
    s.set(`sasaran:${r.desa_kode}/${r.tahun}/${r.indikator_kode}`, { jumlah: r.jumlah, sumber: r.sumber });
  for (const r of await q(`SELECT p.desa_kode, p.tahun, p.kelompok, p.jumlah FROM penduduk p JOIN desa d ON d.kode = p.desa_kode WHERE d.provinsi_kode = $1`, [AUDIT_PROVINSI]))
    s.set(`penduduk:${r.desa_kode}/${r.tahun}/${r.kelompok}`, r.jumlah);
  for (const r of await q(`SELECT id, sesi_versi FROM app_user`)) s.set(`app_user:${r.id}`, { sesiVersi: r.sesi_versi });
  // Failed-login counters of accounts (those of addresses are throttle state of no user, not audited).
  for (const r of await q(`SELECT kunci, jumlah FROM login_gagal WHERE kunci LIKE 'akun:%'`)) s.set(`login_gagal:${r.kunci}`, { jumlah: r.jumlah });
  for (const r of await q(`SELECT id, user_id, nama, revoked_at FROM api_token`))
    s.set(`api_token:${r.id}`, { userId: r.user_id, nama: r.nama, revokedAt: r.revoked_at?.toISOString() ?? null });
  return s;
}

interface AuditRow {
  id: string;
  at: Date;
  user_email: string | null;
  entitas: string;
  kunci: string;
  lama: unknown;
  baru: unknown;
}

/** A logged value in the snapshot's shape: the status of a workflow row, ISO text for times. */
function logged(entitas: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (entitas === "laporan" && typeof v === "object") return (v as { status: string }).status;
  if (typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === "string" && /^\d{4}-\d\d-\d\dT/.test(x) ? new Date(x).toISOString() : x]));
  return v;
}

/** Objects are compared on the fields the log records (a login row holds the counters, a logout row the version). */
function pick(v: unknown, like: unknown): unknown {
  if (v && like && typeof v === "object" && typeof like === "object") return Object.fromEntries(Object.keys(like).map((k) => [k, (v as Record<string, unknown>)[k]]));
  return v;
}

describe("audit log: every path that changes data is logged with who, when, old and new", () => {
  let fx: AuditFixture;
  let pkm: Session;
  let kab: Session;
  let lastId = "0";
  const steps: { step: string; changes: number; rows: number }[] = [];
  let desa: string[];

  beforeAll(async () => {
    fx = await createAuditUsers(stack.databaseUrl);
    await createUsers(stack.databaseUrl, [LOCKED]);
    desa = fx.puskesmas.desa;
    const [p, k] = await Promise.all([login(stack.url, fx.puskesmas.email, PASSWORD), login(stack.url, fx.kabupaten.email, PASSWORD)]);
    expect(p.ok && k.ok).toBe(true);
    pkm = p.session;
    kab = k.session;
    lastId = (await withClient(stack.databaseUrl, (c) => c.query(`SELECT coalesce(max(id), 0)::text AS id FROM audit_log`))).rows[0].id;
  });

  /** Runs one change path and checks that the log holds exactly its changes, by `who`. */
  async function step(name: string, who: string | ((key: string) => string), work: () => Promise<void>, expectChanges = true) {
    const before = await withClient(stack.databaseUrl, snapshot);
    const t0 = Date.now() - 1000;
    await work();
    const t1 = Date.now() + 1000;
    const after = await withClient(stack.databaseUrl, snapshot);
    const rows = (
      await withClient(stack.databaseUrl, (c) =>
        c.query<AuditRow>(`SELECT id::text, at, user_email, entitas, kunci, lama, baru FROM audit_log WHERE audit_log.id > $1 ORDER BY audit_log.id`, [lastId]),
      )
    ).rows;
    if (rows.length > 0) lastId = rows[rows.length - 1].id;
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)));
    const byKey = new Map<string, AuditRow[]>();
    for (const r of rows) byKey.set(`${r.entitas}:${r.kunci}`, [...(byKey.get(`${r.entitas}:${r.kunci}`) ?? []), r]);
    const problems: string[] = [];
    for (const key of changed) {
      const log = byKey.get(key);
      if (!log) {
        problems.push(`${key}: changed ${JSON.stringify(before.get(key))} → ${JSON.stringify(after.get(key))} without an audit row`);
        continue;
      }
      const entitas = key.split(":")[0];
      const first = logged(entitas, log[0].lama);
      const last = logged(entitas, log[log.length - 1].baru);
      if (JSON.stringify(first) !== JSON.stringify(pick(before.get(key) ?? null, first))) problems.push(`${key}: old ${JSON.stringify(first)} ≠ ${JSON.stringify(before.get(key))}`);
      if (JSON.stringify(last) !== JSON.stringify(pick(after.get(key) ?? null, last))) problems.push(`${key}: new ${JSON.stringify(last)} ≠ ${JSON.stringify(after.get(key))}`);
    }
    for (const r of rows) {
      const key = `${r.entitas}:${r.kunci}`;
      const expected = typeof who === "string" ? who : who(key);
      if (!changed.includes(key)) problems.push(`${key}: logged but nothing changed`);
      if (r.user_email !== expected) problems.push(`${key}: by ${r.user_email}, expected ${expected}`);
      if (!(r.at.getTime() >= t0 && r.at.getTime() <= t1)) problems.push(`${key}: at ${r.at.toISOString()} outside the step`);
    }
    expect(problems, name).toEqual([]);
    if (expectChanges) expect(changed.length, `${name} changed nothing`).toBeGreaterThan(0);
    steps.push({ step: name, changes: changed.length, rows: rows.length });
  }

  async function laporanOf(d: string, t = tahun, b = bulan) {
    return (await withClient(stack.databaseUrl, (c) => c.query(`SELECT id, versi FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3`, [d, t, b]))).rows[0] as { id: string; versi: number };
  }

  async function workflow(aksi: "verifikasi" | "kembalikan" | "buka") {
    const l = await laporanOf(desa[0]);
    const r = await callAction<{ ok: boolean; message: string }>(kab, "/verifikasi", actionId("lib/actions/ubah-status-laporan.ts", "ubahStatusLaporanAction"), { ok: false, message: null }, {
      laporanId: l.id, versi: String(l.versi), alasan: aksi === "verifikasi" ? "" : "Angka K1 perlu diperiksa lagi", aksi,
    });
    expect(r.state, aksi).toMatchObject({ ok: true });
  }

  function cli(args: string[], csv: string) {
    const file = path.join(stack.tmp, `audit-${args[0]}.csv`);
    fs.writeFileSync(file, csv);
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/cli.ts", ...args, file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: stack.databaseUrl },
      encoding: "utf8",
    });
    expect(r.status, r.stderr + r.stdout).toBe(0);
  }

  it("takes every path once; each change is logged, nothing more", async () => {
    const v1 = formValues(11);
    const form = (values: Record<string, number>, versi: number, aksi: "draf" | "kirim") => async () => {
      const r = await submitForm(pkm, { desa: desa[0], tahun, bulan, versi, values, aksi, konfirmasi: true });
      expect(r.state?.status, r.state?.message ?? r.body.slice(0, 300)).toBe("ok");
    };
    await step("form: first draft", fx.puskesmas.email, form(v1, 0, "draf"));
    const v2: Record<string, number> = { ...v1, "SPM-04": v1["SPM-04"] + 5, "PM-DBD": 0 };
    delete v2["GIZ-STUNT"]; // a value cleared
    await step("form: draft changed", fx.puskesmas.email, form(v2, 1, "draf"));
    await step("form: submitted", fx.puskesmas.email, form(v2, 2, "kirim"));
    await step("workflow: returned", fx.kabupaten.email, () => workflow("kembalikan"));
    await step("form: corrected and sent again", fx.puskesmas.email, form({ ...v2, "SPM-01": v2["SPM-01"] + 1, "KIA-K1": v2["KIA-K1"] + 1 }, 4, "kirim"));
    await step("workflow: verified", fx.kabupaten.email, () => workflow("verifikasi"));
    await step("workflow: reopened", fx.kabupaten.email, () => workflow("buka"));

    await step("CLI import-values", CLI_EMAIL, async () =>
      cli(["import-values"], ["kode_desa,tahun,bulan,indikator,nilai", `${desa[2]},${lalu.tahun},${lalu.bulan},SPM-02,4`, `${desa[2]},${lalu.tahun},${lalu.bulan},SPM-04,9`].join("\n") + "\n"),
    );
    const csv = ["kode_desa,tahun,bulan,indikator,nilai", `${desa[3]},${lalu.tahun},${lalu.bulan},SPM-05,12`, `${desa[2]},${lalu.tahun},${lalu.bulan},SPM-04,10`].join("\n") + "\n";
    const unggah = actionId("lib/actions/unggah-nilai.ts", "unggahNilaiAction");
    const empty = { tahap: "awal", message: null, errors: [], warnings: [], counts: null, csv: null, namaFile: null };
    await step("web upload: preview writes nothing", fx.puskesmas.email, async () => {
      const r = await callAction<{ tahap: string; csv: string }>(pkm, "/laporan/unggah", unggah, empty, [["langkah", "pratinjau"], ["berkas", new Blob([csv], { type: "text/csv" }), "nilai.csv"]]);
      expect(r.state?.tahap, r.body.slice(0, 300)).toBe("pratinjau");
    }, false);
    await step("web upload: confirmed", fx.puskesmas.email, async () => {
      const r = await callAction<{ tahap: string }>(pkm, "/laporan/unggah", unggah, empty, { langkah: "simpan", csv, namaFile: "nilai.csv" });
      expect(r.state?.tahap, r.body.slice(0, 300)).toBe("selesai");
    });
    await step("CLI import-sasaran", CLI_EMAIL, async () =>
      cli(["import-sasaran"], ["kode_desa,tahun,indikator,sasaran", `${desa[0]},${tahun},SPM-01,40`, `${desa[0]},${tahun},SPM-04,300`].join("\n") + "\n"),
    );
    await step("CLI import-penduduk (re-estimates sasaran)", CLI_EMAIL, async () =>
      cli(["import-penduduk"], ["kode_desa,tahun,kelompok,jumlah", `${desa[1]},${tahun},total,5000`, `${desa[1]},${tahun},balita,420`].join("\n") + "\n"),
    );

    await step("failed logins, up to the throttle", LOCKED.email, async () => {
      for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) expect((await login(stack.url, LOCKED.email, "salah")).ok).toBe(false);
    });
    // The wait runs out (the last failure moved an hour back, outside any step), then a good login clears the counter.
    await withClient(stack.databaseUrl, (c) => c.query(`UPDATE login_gagal SET terakhir = terakhir - interval '1 hour' WHERE kunci = $1`, [accountKey(LOCKED.email)]));
    await step("login after the wait", LOCKED.email, async () => {
      expect((await login(stack.url, LOCKED.email, PASSWORD)).ok).toBe(true);
    });
    await step("logout", fx.puskesmas.email, async () => {
      await callAction(pkm, "/laporan", actionId("lib/actions/keluar.ts", "keluar"), null, {});
    });

    // API tokens have no page yet: the library functions the admin screens will call.
    process.env.DATABASE_URL = stack.databaseUrl;
    const { createApiToken, revokeApiToken } = await import("@/lib/data/api-tokens");
    const admin: Actor = { id: stableUuid(ADMIN_USER.email), email: ADMIN_USER.email, nama: "Admin", role: "ADMIN", provinsiKode: null, kabupatenKode: null, puskesmasKode: null };
    let tokenId = "";
    await step("API token created", ADMIN_USER.email, async () => {
      tokenId = (await createApiToken(admin, stableUuid(fx.kabupaten.email), "uji audit")).id;
    });
    await step("API token revoked", ADMIN_USER.email, () => revokeApiToken(admin, tokenId));

    writeFigures("audit", { paths: steps.length, changes: steps.reduce((n, s) => n + s.changes, 0), auditRows: steps.reduce((n, s) => n + s.rows, 0), unlogged: 0, steps });
  });
});
