import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { todayWib } from "@/lib/clock";
import { createUsers, PASSWORD, type TestUser } from "../support/fixtures";
import { login } from "../support/http";
import { formValues, openForm, submitForm } from "../support/laporan";
import { sharedStack, withClient, writeFigures } from "../support/shared";
import { ROOT } from "../support/stack";

// `npm run db:backup` / `npm run db:restore` against the running stack: back up, change data (through the
// app and behind its back), restore, and the database equals the backup again, table by table, while the
// server keeps serving. A file that is not a backup is refused and changes nothing.

const stack = sharedStack();
const USER: TestUser = { email: "uji.cadangan@pantau.test", role: "PUSKESMAS", provinsiKode: "35", kabupatenKode: "35.02", puskesmasKode: "P35020101" };

/** Row count and an md5 over the sorted rows of every table of the schema. */
async function checksums(c: pg.Client): Promise<Record<string, string>> {
  const tables = (await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.t);
  const out: Record<string, string> = {};
  for (const t of tables) {
    const r = await c.query<{ n: string; h: string | null }>(`SELECT count(*)::text AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`);
    out[t] = `${r.rows[0].n}:${r.rows[0].h ?? "-"}`;
  }
  return out;
}

function npm(script: string, args: string[], env: Record<string, string | undefined>) {
  const started = performance.now();
  const r = spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, ms: Math.round(performance.now() - started) };
}

describe("backup and restore", () => {
  it("backup (embedded server), change data, restore (DATABASE_URL): the data equals the backup", async () => {
    await createUsers(stack.databaseUrl, [USER]);
    const file = path.join(stack.tmp, "cadangan", "uji.dump");
    const before = await withClient(stack.databaseUrl, checksums);

    // The embedded way: no DATABASE_URL, the data folder of the running server (attached to, not restarted).
    const backup = npm("db:backup", [file], { DATABASE_URL: undefined, PANTAU_DATA_DIR: stack.dataDir });
    expect(backup.status, backup.out).toBe(0);
    expect(backup.out).toContain("Cadangan tersimpan");
    expect(fs.statSync(file).size).toBeGreaterThan(1_000_000);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP");

    // Changes: a report through the app; a sasaran added, a desa renamed, an account deleted behind its back.
    const { tahun, bulan } = todayWib();
    const l = await login(stack.url, USER.email, PASSWORD);
    const desa = (await withClient(stack.databaseUrl, (c) => c.query(`SELECT kode FROM desa WHERE puskesmas_kode = $1 ORDER BY kode LIMIT 1`, [USER.puskesmasKode]))).rows[0].kode;
    const f = await openForm(l.session, desa, tahun, bulan);
    expect((await submitForm(l.session, { desa, tahun, bulan, versi: f.versi!, values: formValues(5) })).state?.status).toBe("ok");
    await withClient(stack.databaseUrl, async (c) => {
      await c.query(`INSERT INTO sasaran (desa_kode, indikator_kode, tahun, jumlah, sumber, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, updated_at, updated_by)
        SELECT kode, 'SPM-01', $2, 77, 'DITETAPKAN', puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, now(), 'uji' FROM desa WHERE kode = $1`, [desa, tahun]);
      await c.query(`UPDATE desa SET nama = nama || ' (diubah)' WHERE kode = $1`, [desa]);
      await c.query(`DELETE FROM app_user WHERE email = $1`, [USER.email]);
    });
    const changed = await withClient(stack.databaseUrl, checksums);
    const differing = Object.keys(before).filter((t) => before[t] !== changed[t]);
    expect(differing).toEqual(expect.arrayContaining(["laporan", "nilai", "audit_log", "sasaran", "desa", "app_user"]));

    // Restore while the server runs, then compare every table.
    const restore = npm("db:restore", [file], { DATABASE_URL: stack.databaseUrl });
    expect(restore.status, restore.out).toBe(0);
    expect(restore.out).toContain("Basis data dipulihkan");
    const after = await withClient(stack.databaseUrl, checksums);
    expect(after).toEqual(before);

    // The running server serves the restored data: the report is gone, the form is empty again.
    const again = await openForm(l.session, desa, tahun, bulan);
    expect(again.status).toBe(200);
    expect(again.versi).toBe(0);

    // A file that is not a backup: refused with a message, nothing changed.
    const junk = path.join(stack.tmp, "cadangan", "bukan.dump");
    fs.writeFileSync(junk, "ini bukan cadangan");
    const bad = npm("db:restore", [junk], { DATABASE_URL: stack.databaseUrl });
    expect(bad.status).not.toBe(0);
    expect(bad.out).toContain("pg_restore gagal");
    expect(await withClient(stack.databaseUrl, checksums)).toEqual(before);

    writeFigures("backup", {
      tables: Object.keys(before).length,
      rows: Object.values(before).reduce((n, v) => n + Number(v.split(":")[0]), 0),
      dumpBytes: fs.statSync(file).size,
      backupMs: backup.ms,
      restoreMs: restore.ms,
      tablesChangedThenRestored: differing.length,
      differencesAfterRestore: Object.keys(before).filter((t) => before[t] !== after[t]).length,
    });
  });
});
