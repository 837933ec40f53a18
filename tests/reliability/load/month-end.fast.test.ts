import { beforeAll, describe, expect, it } from "vitest";
import { INDIKATOR, SPM_KODES } from "@/lib/spm/catalog";
import { todayWib } from "@/lib/clock";
import { createLoadUsers, LOAD_PROVINSI, PASSWORD, provinsiEmail, type LoadFixture, type LoadPuskesmas } from "../support/fixtures";
import { login, transport } from "../support/http";
import { formValues, openForm, submitForm } from "../support/laporan";
import { FAST, percentile, sharedStack, withClient, writeFigures } from "../support/shared";

// Month-end rush: every puskesmas user logs in at the same moment and submits the month's report of each
// of its desa (open the form, post it). 200 users in the full suite, 20 in `npm test`'s fast subset;
// RELIABILITY_USERS / RELIABILITY_DESA override the counts (desa per user; 0 = all of them).

const USERS = Number(process.env.RELIABILITY_USERS ?? (FAST ? 20 : 200));
const DESA_PER_USER = Number(process.env.RELIABILITY_DESA ?? (FAST ? 2 : 0));
const { tahun, bulan } = todayWib();

interface Req {
  kind: "login" | "overview" | "form" | "save";
  status: number;
  ms: number;
}

describe(`month-end load: ${USERS} puskesmas users submitting at once`, () => {
  const stack = sharedStack();
  let puskesmas: LoadPuskesmas[];
  let konflik: LoadFixture["konflik"];

  beforeAll(async () => {
    ({ puskesmas, konflik } = await createLoadUsers(stack.databaseUrl, USERS));
  });

  it("no 5xx, every submission acknowledged and stored exactly once, dashboard totals equal the sum submitted", async () => {
    const requests: Req[] = [];
    const failures: string[] = [];
    const expected = new Map<string, number>(INDIKATOR.map((i) => [i.kode, 0]));
    const submitted: { desa: string; values: Record<string, number> }[] = [];
    const started = performance.now();

    const stage = new Map<string, string>();
    async function user(p: LoadPuskesmas) {
      stage.set(p.email, "login");
      const t0 = performance.now();
      const l = await login(stack.url, p.email, PASSWORD);
      requests.push({ kind: "login", status: l.status, ms: performance.now() - t0 });
      if (!l.ok) return void failures.push(`${p.email}: login ${l.status} ${l.location}`);
      const t1 = performance.now();
      stage.set(p.email, "overview");
      const o = await l.session.fetch(`/laporan?tahun=${tahun}&bulan=${bulan}`);
      await o.arrayBuffer();
      requests.push({ kind: "overview", status: o.status, ms: performance.now() - t1 });
      const desa = DESA_PER_USER > 0 ? p.desa.slice(0, DESA_PER_USER) : p.desa;
      for (const [j, d] of desa.entries()) {
        stage.set(p.email, `form ${d}`);
        const f = await openForm(l.session, d, tahun, bulan);
        requests.push({ kind: "form", status: f.status, ms: f.ms });
        if (f.status !== 200 || f.versi === null) return void failures.push(`${d}: form ${f.status}`);
        const values = formValues(p.index * 100 + j);
        stage.set(p.email, `save ${d}`);
        const r = await submitForm(l.session, { desa: d, tahun, bulan, versi: f.versi, values });
        requests.push({ kind: "save", status: r.status, ms: r.ms });
        if (r.state?.status !== "ok" || r.state.statusLaporan !== "DIKIRIM") {
          failures.push(`${d}: ${r.status} ${r.state ? `${r.state.status} ${r.state.message}` : r.body.slice(0, 200)}`);
          continue;
        }
        submitted.push({ desa: d, values });
        for (const [k, v] of Object.entries(values)) expected.set(k, expected.get(k)! + v);
      }
    }

    await Promise.all(puskesmas.map((p) => user(p).catch((error: unknown) => void failures.push(`${p.email} (${stage.get(p.email)}): ${String(error)} ${String((error as Error).cause ?? "")}`))));
    const seconds = (performance.now() - started) / 1000;

    const byKind = (k: Req["kind"]) => requests.filter((r) => r.kind === k).map((r) => r.ms);
    const figures = {
      users: USERS,
      desaPerUser: DESA_PER_USER || "all",
      periode: `${tahun}-${String(bulan).padStart(2, "0")}`,
      requests: requests.length,
      saves: byKind("save").length,
      acknowledged: submitted.length,
      status5xx: requests.filter((r) => r.status >= 500).length,
      failures: failures.length,
      connectionResetsRetried: transport.resets,
      seconds: Math.round(seconds * 10) / 10,
      savesPerSecond: Math.round((submitted.length / seconds) * 10) / 10,
      ms: Object.fromEntries(
        (["login", "overview", "form", "save"] as const).map((k) => [k, { p50: percentile(byKind(k), 50), p95: percentile(byKind(k), 95), max: percentile(byKind(k), 100) }]),
      ),
    };
    writeFigures("month-end-load", figures);

    expect(failures.slice(0, 10)).toEqual([]);
    expect(requests.filter((r) => r.status >= 500)).toEqual([]);
    const wanted = puskesmas.reduce((n, p) => n + (DESA_PER_USER > 0 ? Math.min(DESA_PER_USER, p.desa.length) : p.desa.length), 0);
    expect(submitted.length).toBe(wanted);

    // Stored exactly once: one report per desa, version 1, all values, one audit row per value and status.
    const desaList = submitted.map((s) => s.desa);
    const db = await withClient(stack.databaseUrl, async (c) => {
      const laporan = await c.query<{ n: number; versi1: number; dikirim: number }>(
        `SELECT count(*)::int n, count(*) FILTER (WHERE versi = 1)::int versi1, count(*) FILTER (WHERE status = 'DIKIRIM')::int dikirim
         FROM laporan WHERE desa_kode = ANY($1) AND tahun = $2 AND bulan = $3`,
        [desaList, tahun, bulan],
      );
      const nilai = await c.query<{ desa_kode: string; indikator_kode: string; nilai: number }>(
        `SELECT desa_kode, indikator_kode, nilai FROM nilai WHERE desa_kode = ANY($1) AND tahun = $2 AND bulan = $3`,
        [desaList, tahun, bulan],
      );
      const audit = await c.query<{ entitas: string; n: number }>(
        `SELECT entitas, count(*)::int n FROM audit_log WHERE kunci LIKE ANY($1) GROUP BY entitas`,
        [desaList.map((d) => `${d}/${tahun}/${bulan}%`)],
      );
      const sums = await c.query<{ i: string; s: number }>(
        `SELECT indikator_kode i, sum(nilai)::int s FROM nilai WHERE provinsi_kode = $1 AND tahun = $2 AND bulan = $3 AND dihitung GROUP BY 1`,
        [LOAD_PROVINSI, tahun, bulan],
      );
      return { laporan: laporan.rows[0], nilai: nilai.rows, audit: Object.fromEntries(audit.rows.map((r) => [r.entitas, r.n])), sums: new Map(sums.rows.map((r) => [r.i, r.s])) };
    });
    expect(db.laporan).toEqual({ n: submitted.length, versi1: submitted.length, dikirim: submitted.length });
    const stored = new Map(db.nilai.map((r) => [`${r.desa_kode}/${r.indikator_kode}`, r.nilai]));
    expect(stored.size).toBe(submitted.length * INDIKATOR.length);
    for (const s of submitted) for (const [k, v] of Object.entries(s.values)) expect(stored.get(`${s.desa}/${k}`)).toBe(v);
    expect(db.audit).toEqual({ laporan: submitted.length, nilai: submitted.length * INDIKATOR.length });
    for (const [k, v] of expected) expect(db.sums.get(k) ?? 0, k).toBe(v);

    // The dashboards' totals: the SPM report of the provinsi (JSON API) and the provinsi dashboard page.
    const dinkes = await login(stack.url, provinsiEmail(LOAD_PROVINSI), PASSWORD);
    expect(dinkes.ok).toBe(true);
    const api = await dinkes.session.fetch(`/api/v1/spm?wilayah=${LOAD_PROVINSI}&tahun=${tahun}&bulan=${bulan}`);
    expect(api.status).toBe(200);
    const report = (await api.json()) as { layanan: { indikator: string; realisasi: number }[] };
    expect(report.layanan.map((l) => l.indikator)).toEqual(SPM_KODES);
    for (const l of report.layanan) expect(l.realisasi, l.indikator).toBe(expected.get(l.indikator));
    const page = await dinkes.session.fetch(`/wilayah/${LOAD_PROVINSI}?tahun=${tahun}&bulan=${bulan}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const total = expected.get("SPM-01")!;
    expect(html).toContain(new Intl.NumberFormat("id-ID").format(total));
  });

  it("two users saving the same report from the same version: exactly one wins, the other keeps the typed values", async () => {
    const a = await login(stack.url, konflik.emails[0], PASSWORD);
    const b = await login(stack.url, konflik.emails[1], PASSWORD);
    expect(a.ok && b.ok).toBe(true);
    const desa = konflik.desa;
    // Rounds on the same report: from "no report yet" (version 0, both INSERT) and from an existing version.
    const rounds = FAST ? 3 : 10;
    const outcomes: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const [fa, fb] = await Promise.all([openForm(a.session, desa, tahun, bulan), openForm(b.session, desa, tahun, bulan)]);
      expect(fa.versi).toBe(round);
      expect(fb.versi).toBe(round);
      const va = formValues(1000 + round);
      const vb = formValues(2000 + round);
      const aksi = "draf" as const; // drafts can be saved again (a sent report cannot go back to draft)
      const [ra, rb] = await Promise.all([
        submitForm(a.session, { desa, tahun, bulan, versi: round, values: va, aksi }),
        submitForm(b.session, { desa, tahun, bulan, versi: round, values: vb, aksi }),
      ]);
      const states = [ra.state, rb.state];
      expect(states.map((s) => s?.status).sort()).toEqual(["conflict", "ok"]);
      const [winner, loser] = ra.state!.status === "ok" ? [va, rb] : [vb, ra];
      const typed = loser === ra ? va : vb;
      outcomes.push(loser === ra ? "b" : "a");
      // The loser is told, keeps what they typed and sees what is stored now.
      expect(loser.state!.message).toMatch(/diubah di tempat lain/);
      expect(loser.state!.values).toEqual(Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, String(v)])));
      expect(loser.state!.terkini).toEqual(winner);
      expect(loser.state!.versi).toBe(round + 1);
      const stored = await withClient(stack.databaseUrl, (c) =>
        c.query<{ i: string; v: number }>(`SELECT indikator_kode i, nilai v FROM nilai WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3`, [desa, tahun, bulan]),
      );
      expect(Object.fromEntries(stored.rows.map((r) => [r.i, r.v]))).toEqual(winner);
    }
    writeFigures("conflict", { rounds, winners: outcomes.join("") });
    const versi = await withClient(stack.databaseUrl, (c) => c.query(`SELECT versi FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3`, [desa, tahun, bulan]));
    expect(versi.rows[0].versi).toBe(rounds);
  });
});
