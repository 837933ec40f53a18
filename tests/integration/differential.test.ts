import ExcelJS from "exceljs";
import fc from "fast-check";
import pg from "pg";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as dhis2Route } from "@/app/api/v1/dhis2/route";
import { GET as csvRoute } from "@/app/api/v1/ekspor/csv/route";
import { GET as pdfRoute } from "@/app/api/v1/ekspor/pdf/route";
import { GET as xlsxRoute } from "@/app/api/v1/ekspor/xlsx/route";
import { GET as spmRoute } from "@/app/api/v1/spm/route";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/data/api-tokens";
import { loadDashboard } from "@/lib/data/dashboard";
import { importSasaran } from "@/lib/data/import-sasaran";
import { importValues } from "@/lib/data/import-values";
import { getLaporanForm, simpanLaporan } from "@/lib/data/laporan";
import { DEMO_KABUPATEN } from "@/lib/db/seed-demo";
import { ringkasanBulan } from "@/lib/data/laporan-overview";
import { ubahStatusLaporan } from "@/lib/data/verifikasi";
import { parseCsv } from "@/lib/import/csv";
import type { Figure } from "@/lib/spm/figure";
import { roundHalfAwayFromZero } from "@/lib/spm/rounding";
import { INDIKATOR, type Indikator } from "@/lib/spm/catalog";
import { angka, Ledger, persenTabel, prng, type Expected, type Status } from "./differential-oracle";
import { actor, ADMIN } from "./helpers";

// Issue 14 part 5: one dataset written through the real write paths (simpanLaporan, the kabupaten
// workflow, importValues, importSasaran), then every surface that shows a number (the form's running
// totals, the dashboard cards / series / grafik PWS rows, GET /api/v1/spm, the CSV, XLSX and PDF exports,
// DHIS2 dataValueSets) compared with an oracle computed from the rows written (./differential-oracle.ts).
// DIFF_SEED=<n> replays another sample; the seed is in every test title.

const SEED = Number(process.env.DIFF_SEED ?? 20251214);
const TAHUN = 2016; // no demo data and no other test uses it or the year after (the outlier rule looks 6 months back); a past year, so the form accepts saves
const TODAY = { tahun: 2026, bulan: 11 };
const SPM = INDIKATOR.filter((i) => i.spm);
const rand = prng(SEED);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const shuffle = <T,>(xs: readonly T[]): T[] => xs.map((x) => [rand(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);

type Plan = "none" | "DRAFT" | "DIKIRIM" | "DIVERIFIKASI" | "DIKEMBALIKAN" | "DIBUKA" | "ULANG" | "IMPORT" | "DRAFT_IMPORT";
const FINAL: Record<Exclude<Plan, "none">, Status> = {
  DRAFT: "DRAFT", DIKIRIM: "DIKIRIM", DIVERIFIKASI: "DIVERIFIKASI", DIKEMBALIKAN: "DIKEMBALIKAN", DIBUKA: "DIKEMBALIKAN",
  ULANG: "DIKIRIM", IMPORT: "DIKIRIM", DRAFT_IMPORT: "DIKIRIM",
};
/** Desa Anyar: every state at a known month (3 draft, 5 returned, 9 no report, 11 verified then reopened). */
const ANCHOR = "36.04.30.2001";
const ANCHOR_PLAN: Plan[] = ["DIVERIFIKASI", "DIKIRIM", "DRAFT", "DIKIRIM", "DIKEMBALIKAN", "DRAFT_IMPORT", "DIVERIFIKASI", "IMPORT", "none", "ULANG", "DIBUKA", "DIKIRIM"];
const WEIGHTED: Plan[] = ["DIKIRIM", "DIKIRIM", "DIKIRIM", "DIVERIFIKASI", "DIVERIFIKASI", "IMPORT", "DRAFT", "DIKEMBALIKAN", "none", "ULANG", "DIBUKA", "DRAFT_IMPORT"];
/** Sasaran of the anchor desa that make a capaian end exactly on a half cent (rounding half away from zero). */
const HALF: Record<string, number> = { "SPM-01": 32, "SPM-02": 160 };
const REQUIRED_MONTHS = [1, 3, 5, 7, 8, 9, 12];
const MONTHS = [...REQUIRED_MONTHS, ...shuffle([2, 4, 6, 10, 11]).slice(0, 2)].sort((a, b) => a - b);

interface Pkm { kode: string; kabupaten: string; provinsi: string; desa: string[]; actor: Actor }
const ledger = new Ledger(TAHUN);
let pkms: Pkm[] = [];
/** Kabupaten Serang and one random other demo kabupaten, each with its dinkes user. */
const kabActor: Record<string, Actor> = {};
const token: Record<string, string> = {};
let client: pg.Client;

const desaOf = (unit: string): string[] => {
  const p = pkms.find((x) => x.kode === unit);
  if (p) return p.desa;
  if (kabActor[unit]) return pkms.filter((x) => x.kabupaten === unit).flatMap((x) => x.desa);
  return pkms.some((x) => x.desa.includes(unit)) ? [unit] : [];
};
const pkmOfDesa = (desa: string) => pkms.find((p) => p.desa.includes(desa))!;

/** Random report values; reports that end up not counted get values ≥ 500, so any leak is glaring. */
function values(big: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ind of INDIKATOR) if (rand() < 0.85) out[ind.kode] = Math.floor(rand() * 16) + (big ? 500 : 0);
  return out;
}
const asText = (v: Record<string, number>) => Object.fromEntries(Object.entries(v).map(([k, n]) => [k, String(n)]));

async function save(pkm: Actor, desa: string, bulan: number, v: Record<string, number>, aksi: "draf" | "kirim", versi: number, tahun = TAHUN): Promise<void> {
  const r = await simpanLaporan(pkm, { desaKode: desa, tahun, bulan, versi, nilai: asText(v), aksi, konfirmasi: true, sumber: "test" });
  if (!r.ok) throw new Error(`simpan ${desa} ${tahun}-${bulan}: ${JSON.stringify(r)}`);
}

async function workflow(kab: Actor, desa: string, bulan: number, aksi: "verifikasi" | "kembalikan" | "buka", tahun = TAHUN): Promise<void> {
  const f = await getLaporanForm(kab, desa, tahun, bulan);
  const r = await ubahStatusLaporan(kab, f.id!, aksi, f.versi, aksi === "verifikasi" ? null : "Angka perlu dicek ulang");
  if (!r.ok) throw new Error(`${aksi} ${desa} ${tahun}-${bulan}: ${r.message}`);
}

const csvOf = (header: string, rows: (string | number)[][]) => [header, ...rows.map((r) => r.join(","))].join("\n") + "\n";

interface Step {
  bulan: number;
  plan: Exclude<Plan, "none">;
  /** What the report holds at the end (the ledger's values). */
  v: Record<string, number>;
  /** ULANG: the first submission, returned; DRAFT_IMPORT: the draft, before the import. */
  first?: Record<string, number>;
  /** IMPORT, DRAFT_IMPORT: the rows of the values file. */
  imported?: Record<string, number>;
}

/**
 * One desa's year, drawn from the seeded PRNG before anything is written (the writes run concurrently:
 * drawing inside them would make the dataset depend on timing).
 */
function drawDesa(desa: string, plan: Plan[]): Step[] {
  const steps: Step[] = [];
  for (let bulan = 1; bulan <= 12; bulan++) {
    const step = plan[bulan - 1];
    if (step === "none") continue;
    const counted = FINAL[step] === "DIKIRIM" || FINAL[step] === "DIVERIFIKASI";
    let v = values(!counted);
    // With the anchor's sasaran 32 and 160, an odd realisasi puts capaian exactly on a half (5/32 → 15.625 %).
    if (desa === ANCHOR && bulan === 1) v = { ...v, "SPM-01": 5, "SPM-02": 3 };
    if (step === "ULANG") {
      // Submitted with big values, returned, then submitted again with other values (some dropped).
      steps.push({ bulan, plan: step, v, first: values(true) });
    } else if (step === "DRAFT_IMPORT") {
      // A draft, then a file import of part of the month: the import submits the report, all its values count.
      const imported = Object.fromEntries(Object.entries(values(false)).slice(0, 8));
      steps.push({ bulan, plan: step, v: { ...v, ...imported }, first: v, imported });
    } else {
      steps.push({ bulan, plan: step, v, imported: step === "IMPORT" ? v : undefined });
    }
  }
  return steps;
}

/** Writes one desa's year through the form and the workflow; returns the import rows for the caller to import. */
async function writeDesa(desa: string, steps: readonly Step[]): Promise<(string | number)[][]> {
  const p = pkmOfDesa(desa);
  const kab = kabActor[p.kabupaten];
  const imports: (string | number)[][] = [];
  for (const { bulan, plan, v, first, imported } of steps) {
    switch (plan) {
      case "DRAFT":
        await save(p.actor, desa, bulan, v, "draf", 0);
        break;
      case "DIKIRIM":
        await save(p.actor, desa, bulan, v, "kirim", 0);
        break;
      case "DIVERIFIKASI":
        await save(p.actor, desa, bulan, v, "kirim", 0);
        await workflow(kab, desa, bulan, "verifikasi");
        break;
      case "DIKEMBALIKAN":
        await save(p.actor, desa, bulan, v, "kirim", 0);
        await workflow(kab, desa, bulan, "kembalikan");
        break;
      case "DIBUKA":
        await save(p.actor, desa, bulan, v, "kirim", 0);
        await workflow(kab, desa, bulan, "verifikasi");
        await workflow(kab, desa, bulan, "buka");
        break;
      case "ULANG":
        await save(p.actor, desa, bulan, first!, "kirim", 0);
        await workflow(kab, desa, bulan, "kembalikan");
        await save(p.actor, desa, bulan, v, "kirim", 2);
        break;
      case "DRAFT_IMPORT":
        await save(p.actor, desa, bulan, first!, "draf", 0);
        break;
      case "IMPORT":
        break;
    }
    for (const [ind, n] of Object.entries(imported ?? {})) imports.push([desa, TAHUN, bulan, ind, n]);
    ledger.setReport(desa, bulan, { status: FINAL[plan], values: v });
  }
  return imports;
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  // The sample: Puskesmas Anyar (desa Anyar always) and one random puskesmas of Kabupaten Serang, and one
  // random puskesmas of Kabupaten Lebong; up to three desa of each.
  // Only the demo kabupaten hold reports (tests/integration/seed-integrity.test.ts checks that).
  const kabs = DEMO_KABUPATEN.filter((k) => k !== "36.04");
  const puskesmasOf = async (kab: string) =>
    (
      await client.query<{ kode: string; kabupaten_kode: string; provinsi_kode: string; desa: string[] }>(
        `SELECT p.kode, p.kabupaten_kode, p.provinsi_kode, array_agg(d.kode ORDER BY d.kode) AS desa
         FROM puskesmas p JOIN desa d ON d.puskesmas_kode = p.kode WHERE p.kabupaten_kode = $1
         GROUP BY p.kode, p.kabupaten_kode, p.provinsi_kode HAVING count(*) >= 2 ORDER BY p.kode`,
        [kab],
      )
    ).rows;
  const serang = await puskesmasOf("36.04");
  let other: Awaited<ReturnType<typeof puskesmasOf>> = [];
  while (other.length === 0) other = await puskesmasOf(pick(kabs));
  const anyar = serang.find((r) => r.kode === "P36043001")!;
  const chosen = [anyar, pick(serang.filter((r) => r.kode !== anyar.kode)), pick(other)];
  for (const r of [anyar, other[0]]) kabActor[r.kabupaten_kode] = actor("DINKES_KABUPATEN", { provinsiKode: r.provinsi_kode, kabupatenKode: r.kabupaten_kode });
  pkms = chosen.map((r) => ({
    kode: r.kode, kabupaten: r.kabupaten_kode, provinsi: r.provinsi_kode,
    desa: r.kode === anyar.kode ? [ANCHOR, ...shuffle(r.desa.filter((d) => d !== ANCHOR)).slice(0, 2)].sort() : shuffle(r.desa).slice(0, 3).sort(),
    actor: actor("PUSKESMAS", { provinsiKode: r.provinsi_kode, kabupatenKode: r.kabupaten_kode, puskesmasKode: r.kode }),
  }));
  const allDesa = pkms.flatMap((p) => p.desa);
  console.info(`differential seed ${SEED}: months ${MONTHS.join(",")}; ${pkms.map((p) => `${p.kode} [${p.desa.join(" ")}]`).join("; ")}`);

  // Sasaran (some absent, some 0, some small enough for capaian over 100 %), through the import.
  const sasaranRows: (string | number)[][] = [];
  for (const d of allDesa) {
    for (const ind of INDIKATOR) {
      if (ind.jenis === "jumlah" || rand() < 0.1) continue;
      const s = d === ANCHOR && ind.kode in HALF ? HALF[ind.kode] : rand() < 0.08 ? 0 : 10 + Math.floor(rand() * 140);
      ledger.sasaran.set(`${d}|${ind.kode}`, s);
      sasaranRows.push([d, TAHUN, ind.kode, s]);
    }
  }
  const s = await importSasaran(ADMIN, csvOf("kode_desa,tahun,indikator,sasaran", sasaranRows));
  if (!s.ok) throw new Error(`importSasaran: ${JSON.stringify(s.errors.slice(0, 3))}`);

  const plans = new Map(allDesa.map((d) => [d, d === ANCHOR ? ANCHOR_PLAN : Array.from({ length: 12 }, () => pick(WEIGHTED))]));
  const drawn = allDesa.map((d) => drawDesa(d, plans.get(d)!));
  const imports = await Promise.all(allDesa.map((d, i) => writeDesa(d, drawn[i])));
  for (const p of pkms) {
    const rowsOfPkm = p.desa.flatMap((d) => imports[allDesa.indexOf(d)]);
    if (rowsOfPkm.length === 0) continue;
    const r = await importValues(p.actor, csvOf("kode_desa,tahun,bulan,indikator,nilai", rowsOfPkm));
    if (!r.ok) throw new Error(`importValues: ${JSON.stringify(r.errors.slice(0, 3))}`);
  }

  // API tokens of the demo users: Dinkes Serang, and the admin for the random kabupaten (a puskesmas holds none).
  const users = await client.query<{ id: string; email: string }>(`SELECT id, email FROM app_user WHERE email IN ('dinkes.serang@pantau.id', 'admin@pantau.id')`);
  for (const u of users.rows) {
    const key = u.email === "dinkes.serang@pantau.id" ? "36.04" : "ADMIN";
    token[key] = (await createApiToken(ADMIN, u.id, `differential ${SEED}`)).token;
  }
}, 120_000);
afterAll(() => client.end());

// ---- comparison helpers: every mismatch becomes one line naming surface, case, expected and got ----

type Got = { sasaran: number | null; realisasi: number; capaian: number | null; target: number };
function diff(out: string[], where: string, exp: Expected, got: Got, fields: readonly (keyof Got)[] = ["sasaran", "realisasi", "capaian", "target"]): void {
  for (const k of fields) if (exp[k] !== got[k]) out.push(`${where} ${k}: expected ${exp[k]} got ${got[k]}`);
}
// A figure carries exact values; the pages round them once for display (lib/spm/rounding).
const ofFigure = (f: Figure): Got => ({ sasaran: f.sasaran, realisasi: f.realisasi, capaian: f.capaian === null ? null : roundHalfAwayFromZero(f.capaian), target: roundHalfAwayFromZero(f.target) });
/** On track as the figure's class says it (lib/spm/kelas): null without a sasaran. */
const onTrackOf = (f: Figure): boolean | null => (f.kelas === "tanpa-sasaran" ? null : f.kelas === "tercapai" || f.kelas === "melebihi");

/** On track (C ≥ TL, exact) and the PWS status, from the oracle's integers. */
function expectedPws(desas: string[], ind: Indikator, bulan: number): { onTrack: boolean | null; status: string | null } {
  const f = ledger.figure(desas, ind, bulan);
  if (ind.jenis === "jumlah" || f.sasaran === null || f.sasaran === 0) return { onTrack: null, status: null };
  // kumulatif: R/S·100 ≥ T·m/12 ⇔ 1200·R ≥ T·m·S; bulanan: 100·R ≥ T·S.
  const atas = ind.jenis === "bulanan" ? 100 * f.realisasi >= ind.target * f.sasaran : 1200 * f.realisasi >= ind.target * bulan * f.sasaran;
  const v = (m: number) => desas.reduce((s, d) => s + (m < 1 ? 0 : ledger.counted(d, m, ind.kode)), 0);
  const tren = v(bulan) > v(bulan - 1) ? "naik" : v(bulan) === v(bulan - 1) ? "tetap" : "turun";
  const status = atas ? (tren === "turun" ? "KURANG" : "BAIK") : tren === "naik" ? "CUKUP" : "JELEK";
  return { onTrack: atas, status };
}

function checkFigures(out: string[], where: string, figures: readonly Figure[], desas: string[], bulan: number, catalog: readonly Indikator[] = INDIKATOR): void {
  for (const ind of catalog) {
    const f = figures.find((x) => x.indikator === ind.kode);
    if (!f) {
      out.push(`${where} ${ind.kode}: missing`);
      continue;
    }
    diff(out, `${where} ${ind.kode}`, ledger.figure(desas, ind, bulan), ofFigure(f));
    const pws = expectedPws(desas, ind, bulan);
    if (onTrackOf(f) !== pws.onTrack) out.push(`${where} ${ind.kode} onTrack: expected ${pws.onTrack} got ${onTrackOf(f)} (${f.kelas})`);
    if ((f.pws?.status ?? null) !== pws.status) out.push(`${where} ${ind.kode} pws: expected ${pws.status} got ${f.pws?.status ?? null}`);
  }
}

const call = async (handler: (r: Request) => Promise<Response>, path: string, query: Record<string, string | number>, tok: string) => {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await handler(new Request(`http://localhost${path}?${qs}`, { headers: { authorization: `Bearer ${tok}` } }));
  if (res.status !== 200) throw new Error(`${path}?${qs}: ${res.status} ${await res.text()}`);
  return res;
};
const kabOf = (unit: string) => pkms.find((p) => p.kode === unit || p.desa.includes(unit))?.kabupaten ?? unit;
const tokenFor = (unit: string) => token[kabOf(unit)] ?? token.ADMIN;

const units = () => [
  ...pkms.flatMap((p) => p.desa.map((d) => ({ kode: d, tingkat: "desa" }))),
  ...pkms.map((p) => ({ kode: p.kode, tingkat: "puskesmas" })),
  ...Object.keys(kabActor).map((k) => ({ kode: k, tingkat: "kabupaten" })),
];
/** Who looks at a unit: its puskesmas (below a kabupaten) and its dinkes kabupaten. */
const viewers = (kode: string): [string, Actor][] => {
  const p = pkms.find((x) => x.kode === kode || x.desa.includes(kode));
  return [...(p ? [[`PUSKESMAS ${p.kode}`, p.actor] as [string, Actor]] : []), [`DINKES ${kabOf(kode)}`, kabActor[kabOf(kode)]]];
};

describe(`differential: every surface against the oracle (seed ${SEED}, tahun ${TAHUN})`, () => {
  it("the dataset holds the planned states (the anchor desa: draft in March, returned in May, no report in September)", async () => {
    const out: string[] = [];
    for (const p of pkms) {
      for (let bulan = 1; bulan <= 12; bulan++) {
        const seen = new Map((await ringkasanBulan(p.actor, p.kode, TAHUN, bulan)).map((r) => [r.desaKode, r.status]));
        for (const d of p.desa) {
          const want = ledger.report(d, bulan)?.status ?? null;
          if (seen.get(d) !== want) out.push(`${d} ${bulan}: planned ${want} stored ${seen.get(d)}`);
        }
      }
    }
    expect(out).toEqual([]);
    expect([3, 5, 9, 11].map((b) => ledger.report(ANCHOR, b)?.status ?? null)).toEqual(["DRAFT", "DIKEMBALIKAN", null, "DIKEMBALIKAN"]);
  });

  for (const bulan of MONTHS) {
    it(`bulan ${bulan}: dashboard cards, series and grafik PWS rows (desa, puskesmas, kabupaten; puskesmas and dinkes viewers)`, async () => {
      const out: string[] = [];
      for (const u of units()) {
        for (const [who, viewer] of viewers(u.kode)) {
          const d = await loadDashboard(viewer, u.kode, TAHUN, bulan, TODAY);
          const where = `dashboard[${who}] ${u.kode} m${bulan}`;
          checkFigures(out, `${where} card`, d.unit.figures, desaOf(u.kode), bulan);
          const indeks = ledger.indeks(desaOf(u.kode), SPM, bulan);
          if (d.unit.indeks.indeksRounded !== indeks) out.push(`${where} indeks: expected ${indeks} got ${d.unit.indeks.indeksRounded}`);
          for (const ind of INDIKATOR) {
            const series = d.unit.series![ind.kode];
            if (series.length !== bulan) out.push(`${where} series ${ind.kode}: ${series.length} points`);
            for (const pt of series) {
              const e = ledger.figure(desaOf(u.kode), ind, pt.bulan);
              // Series points are exact; the chart rounds them once for display.
              const c = pt.capaian === null ? null : roundHalfAwayFromZero(pt.capaian);
              const t = roundHalfAwayFromZero(pt.target);
              if (c !== e.capaian || t !== e.target) out.push(`${where} series ${ind.kode} m${pt.bulan}: expected ${e.capaian}/${e.target} got ${c}/${t}`);
            }
          }
          for (const c of d.children) {
            const desas = desaOf(c.kode);
            checkFigures(out, `${where} child ${c.kode}`, c.figures, desas, bulan);
            for (const ind of INDIKATOR) {
              const want = bulan === 1 ? undefined : desas.reduce((s, x) => s + ledger.realisasiDesa(x, ind, bulan - 1), 0);
              const got = c.lalu?.get(ind.kode);
              if (want !== got) out.push(`${where} child ${c.kode} ${ind.kode} lalu: expected ${want} got ${got}`);
            }
          }
          if (u.tingkat !== "desa" && d.children.length === 0) out.push(`${where}: no children`);
          if (u.tingkat === "desa") {
            // The desa's month-by-month status strip: drafts only for its puskesmas.
            const want = Array.from({ length: bulan }, (_, j) => {
              const st = ledger.report(u.kode, j + 1)?.status ?? null;
              return st === "DRAFT" && viewer.role !== "PUSKESMAS" ? null : st;
            });
            const got = d.statuses.map((x) => x.status);
            if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`${where} statuses: expected ${want.join(",")} got ${got.join(",")}`);
          }
        }
      }
      expect(out).toEqual([]);
    });

    it(`bulan ${bulan}: GET /api/v1/spm (desa, puskesmas, kabupaten)`, async () => {
      const out: string[] = [];
      for (const u of units()) {
        // API tokens are for dinkes and admin only (a puskesmas holds none): the kabupaten's or the admin's.
        for (const tok of [tokenFor(u.kode)]) {
          const body = await (await call(spmRoute, "/api/v1/spm", { wilayah: u.kode, tahun: TAHUN, bulan }, tok)).json();
          const where = `api/v1/spm ${u.kode} m${bulan}`;
          if (JSON.stringify(body.layanan.map((l: { indikator: string }) => l.indikator)) !== JSON.stringify(SPM.map((i) => i.kode))) out.push(`${where}: layanan order`);
          for (const ind of SPM) diff(out, `${where} ${ind.kode}`, ledger.figure(desaOf(u.kode), ind, bulan), body.layanan.find((l: { indikator: string }) => l.indikator === ind.kode));
          const indeks = ledger.indeks(desaOf(u.kode), SPM, bulan);
          if (body.indeks !== indeks) out.push(`${where} indeks: expected ${indeks} got ${body.indeks}`);
        }
      }
      expect(out).toEqual([]);
    });

    it(`bulan ${bulan}: CSV, XLSX and PDF exports (puskesmas per desa, kabupaten per puskesmas or per desa)`, async () => {
      const out: string[] = [];
      for (const unit of [...pkms.map((p) => p.kode), ...Object.keys(kabActor)]) {
        // A kabupaten per desa (every desa of it, hundreds of rows) in August and December, per puskesmas otherwise.
        const detail = unit in kabActor && (bulan === 8 || bulan === 12) ? "desa" : "anak";
        const listed = unit in kabActor && detail === "anak" ? pkms.filter((p) => p.kabupaten === unit).map((p) => p.kode) : desaOf(unit);
        const q = { wilayah: unit, tahun: TAHUN, bulan, detail, indikator: "spm" };
        const tok = tokenFor(unit);
        // Every row of every file is checked: units without data too (0 realisasi, no sasaran).
        const csv = parseCsv(await (await call(csvRoute, "/api/v1/ekspor/csv", q, tok)).text());
        const num = (s: string) => (s === "" ? null : Number(s));
        const seenCsv = new Set<string>();
        for (const r of csv.slice(1)) {
          const [kode, , indikator, sasaran, realisasi, capaian, target] = r.fields;
          seenCsv.add(kode);
          const ind = SPM.find((i) => i.kode === indikator)!;
          diff(out, `csv ${unit} m${bulan} row ${kode} ${indikator}`, ledger.figure(desaOf(kode), ind, bulan), { sasaran: num(sasaran), realisasi: Number(realisasi), capaian: num(capaian), target: Number(target) });
        }
        for (const d of [unit, ...listed]) if (!seenCsv.has(d)) out.push(`csv ${unit} m${bulan}: no rows of ${d}`);

        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await (await call(xlsxRoute, "/api/v1/ekspor/xlsx", q, tok)).arrayBuffer()) as ArrayBuffer);
        const ring = wb.getWorksheet("Ringkasan")!;
        ring.eachRow((row) => {
          const indeks = ledger.indeks(desaOf(unit), SPM, bulan);
          if (row.getCell(4).value === "Indeks SPM" && row.getCell(7).value !== indeks) out.push(`xlsx ${unit} m${bulan} Ringkasan indeks: expected ${indeks} got ${row.getCell(7).value}`);
          const ind = SPM.find((i) => i.kode === row.getCell(2).value);
          if (!ind) return;
          const [s, r, c, t] = [5, 6, 7, 8].map((k) => row.getCell(k).value as number | null);
          diff(out, `xlsx ${unit} m${bulan} Ringkasan ${ind.kode}`, ledger.figure(desaOf(unit), ind, bulan), { sasaran: s, realisasi: r as number, capaian: c, target: t as number });
        });
        const seenXlsx = new Set<string>();
        for (const ws of wb.worksheets.filter((w) => w.name.startsWith("Per "))) {
          ws.eachRow((row, n) => {
            const kode = row.getCell(1).value;
            if (typeof kode !== "string" || n <= 8 || !/^(P|\d)/.test(kode)) return;
            seenXlsx.add(kode);
            const indeks = ledger.indeks(desaOf(kode), SPM, bulan);
            if (row.getCell(3 + SPM.length * 4).value !== indeks) out.push(`xlsx ${unit} m${bulan} ${ws.name} ${kode} indeks: expected ${indeks} got ${row.getCell(3 + SPM.length * 4).value}`);
            SPM.forEach((ind, i) => {
              const [s, r, c, t] = [0, 1, 2, 3].map((k) => row.getCell(3 + i * 4 + k).value as number | null);
              diff(out, `xlsx ${unit} m${bulan} ${ws.name} ${kode} ${ind.kode}`, ledger.figure(desaOf(kode), ind, bulan), { sasaran: s, realisasi: r as number, capaian: c, target: t as number });
            });
          });
        }
        for (const d of listed) if (!seenXlsx.has(d)) out.push(`xlsx ${unit} m${bulan}: no row of ${d}`);

        const pdf = await (await call(pdfRoute, "/api/v1/ekspor/pdf", { ...q, detail: "anak" }, tok)).arrayBuffer();
        const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
        checkPdf(out, `pdf ${unit} m${bulan}`, text, unit, bulan);
      }
      expect(out).toEqual([]);
    });
  }

  it("DHIS2 dataValueSets, every month: exactly the counted values (0 included), none of a draft or a returned report", async () => {
    const out: string[] = [];
    for (const unit of [...pkms.map((p) => p.kode), ...Object.keys(kabActor)]) {
      for (let bulan = 1; bulan <= 12; bulan++) {
        const set = await (await call(dhis2Route, "/api/v1/dhis2", { wilayah: unit, tahun: TAHUN, bulan }, tokenFor(unit))).json();
        const got = (set.dataValues as { orgUnit: string; dataElement: string; value: string; period: string }[])
          .map((v) => `${v.orgUnit} ${v.dataElement} ${v.period} ${v.value}`).sort();
        const want = ledger.countedRows(desaOf(unit), bulan).map((r) => `${r.desa} ${r.ind} ${TAHUN}${String(bulan).padStart(2, "0")} ${r.nilai}`).sort();
        const missing = want.filter((w) => !got.includes(w));
        const extra = got.filter((g) => !want.includes(g));
        if (missing.length + extra.length > 0) out.push(`dhis2 ${unit} m${bulan}: missing [${missing.slice(0, 5).join("; ")}] extra [${extra.slice(0, 5).join("; ")}]`);
      }
    }
    expect(out).toEqual([]);
  });

  for (let bulan = 1; bulan <= 12; bulan++) {
    it(`bulan ${bulan}: the form's running totals (kumulatifSebelum + the month's value) equal the counted months, for the puskesmas and the dinkes`, async () => {
      const out: string[] = [];
      for (const desa of pkms.flatMap((p) => p.desa)) {
        for (const [who, viewer] of viewers(desa)) {
          const f = await getLaporanForm(viewer, desa, TAHUN, bulan);
          const where = `form[${who}] ${desa} m${bulan}`;
          const stored = ledger.report(desa, bulan);
          const visible = stored && !(stored.status === "DRAFT" && viewer.role !== "PUSKESMAS") ? stored : undefined;
          if (f.status !== (visible?.status ?? null)) out.push(`${where} status: expected ${visible?.status ?? null} got ${f.status}`);
          for (const ind of INDIKATOR) {
            const shown = visible?.values[ind.kode];
            if (f.nilai[ind.kode] !== shown) out.push(`${where} ${ind.kode} nilai: expected ${shown} got ${f.nilai[ind.kode]}`);
            const s = ledger.sasaran.get(`${desa}|${ind.kode}`);
            if (ind.jenis !== "jumlah" && (f.konteks.sasaran[ind.kode] ?? undefined) !== s) out.push(`${where} ${ind.kode} sasaran: expected ${s} got ${f.konteks.sasaran[ind.kode]}`);
            if (ind.jenis === "bulanan") continue;
            const sebelum = ledger.realisasiDesa(desa, ind, bulan - 1);
            const got = f.konteks.kumulatifSebelum[ind.kode] ?? 0;
            // The form shows kumulatif = sebelum + the month's value (app/laporan/[desa]/page.tsx, laporan-form.tsx).
            if (got + (f.nilai[ind.kode] ?? 0) !== sebelum + (shown ?? 0)) {
              out.push(`${where} ${ind.kode} kumulatif shown: expected ${sebelum + (shown ?? 0)} got ${got + (f.nilai[ind.kode] ?? 0)} (sebelum expected ${sebelum} got ${got})`);
            }
          }
        }
      }
      expect(out).toEqual([]);
    });
  }

  it("the anchor desa's draft (March), returned (May) and reopened (November) months add nothing anywhere, for the puskesmas and the dinkes", async () => {
    const out: string[] = [];
    const pkm = pkms[0];
    for (const bulan of [3, 5, 11]) {
      for (const [who, viewer] of viewers(ANCHOR)) {
        for (const kode of [ANCHOR, pkm.kode]) {
          const [now, before] = await Promise.all([loadDashboard(viewer, kode, TAHUN, bulan, TODAY), loadDashboard(viewer, kode, TAHUN, bulan - 1, TODAY)]);
          for (const ind of INDIKATOR.filter((i) => i.jenis !== "bulanan")) {
            // Only the other desa of the puskesmas may move the puskesmas's total.
            const others = desaOf(kode).filter((d) => d !== ANCHOR).reduce((s, d) => s + ledger.counted(d, bulan, ind.kode), 0);
            const r = (d: typeof now) => d.unit.figures.find((f) => f.indikator === ind.kode)!.realisasi;
            if (r(now) - r(before) !== others) out.push(`dashboard[${who}] ${kode} m${bulan} ${ind.kode}: realisasi moved by ${r(now) - r(before)}, the other desa account for ${others}`);
          }
        }
      }
      const set = await (await call(dhis2Route, "/api/v1/dhis2", { wilayah: ANCHOR, tahun: TAHUN, bulan }, tokenFor(ANCHOR))).json();
      if (set.dataValues.length !== 0) out.push(`dhis2 ${ANCHOR} m${bulan}: ${set.dataValues.length} values of a report that does not count`);
    }
    expect(out).toEqual([]);
  });

  it("December of the anchor desa: the form's running total of a counted month equals the dashboard and the API", async () => {
    const [pkmName, pkm] = viewers(ANCHOR)[0];
    const [f, d, api] = await Promise.all([
      getLaporanForm(pkm, ANCHOR, TAHUN, 12),
      loadDashboard(pkm, ANCHOR, TAHUN, 12, TODAY),
      call(spmRoute, "/api/v1/spm", { wilayah: ANCHOR, tahun: TAHUN, bulan: 12 }, tokenFor(ANCHOR)).then((r) => r.json()),
    ]);
    const out: string[] = [];
    for (const ind of SPM) {
      const form = (f.konteks.kumulatifSebelum[ind.kode] ?? 0) + (f.nilai[ind.kode] ?? 0);
      const card = d.unit.figures.find((x) => x.indikator === ind.kode)!.realisasi;
      const json = api.layanan.find((l: { indikator: string }) => l.indikator === ind.kode).realisasi;
      if (new Set([form, card, json]).size !== 1) out.push(`${pkmName} ${ANCHOR} m12 ${ind.kode}: form ${form}, dashboard ${card}, api ${json}`);
    }
    expect(out).toEqual([]);
  });
});

describe("the reported case on the demo data: desa Anyar, 2025 (the form of December showed a smaller kumulatif than the dashboard)", () => {
  for (const bulan of [1, 7, 8, 12]) {
    it(`bulan ${bulan}: the form's kumulatif equals Σ of the counted months (SQL over nilai) and the dashboard card`, async () => {
      const pkm = actor("PUSKESMAS", { provinsiKode: "36", kabupatenKode: "36.04", puskesmasKode: "P36043001" });
      const kab = actor("DINKES_KABUPATEN", { provinsiKode: "36", kabupatenKode: "36.04" });
      const { rows } = await client.query<{ i: string; s: string }>(
        `SELECT indikator_kode i, sum(nilai)::text s FROM nilai WHERE desa_kode = $1 AND tahun = 2025 AND bulan < $2 AND dihitung GROUP BY indikator_kode`,
        [ANCHOR, bulan],
      );
      const sebelum = new Map(rows.map((r) => [r.i, Number(r.s)]));
      const out: string[] = [];
      for (const [who, viewer] of [["PUSKESMAS", pkm], ["DINKES", kab]] as const) {
        const [f, d] = await Promise.all([getLaporanForm(viewer, ANCHOR, 2025, bulan), loadDashboard(viewer, ANCHOR, 2025, bulan, TODAY)]);
        const counted = f.status === "DIKIRIM" || f.status === "DIVERIFIKASI";
        for (const ind of INDIKATOR.filter((i) => i.jenis !== "bulanan")) {
          const got = (f.konteks.kumulatifSebelum[ind.kode] ?? 0) + (f.nilai[ind.kode] ?? 0);
          const want = (sebelum.get(ind.kode) ?? 0) + (f.nilai[ind.kode] ?? 0);
          const card = d.unit.figures.find((x) => x.indikator === ind.kode)!.realisasi;
          if (got !== want || (counted && got !== card)) out.push(`form[${who}] ${ANCHOR} 2025-${bulan} ${ind.kode}: form ${got}, Σ counted ${want}, dashboard ${card} (report ${f.status})`);
        }
      }
      expect(out).toEqual([]);
    });
  }
});

/**
 * The PDF, read back as text: the summary row of each SPM service ("SPM-01 <layanan> sasaran realisasi
 * capaian target", contiguous), the Indeks SPM line, then each child row of the table pages (its code,
 * its name, the capaian of the 12 services and its indeks, contiguous).
 */
function checkPdf(out: string[], where: string, text: string, unit: string, bulan: number): void {
  const t = text.replace(/\s+/g, " ");
  const near = (i: number) => `"${t.slice(Math.max(i, 0), Math.max(i, 0) + 220)}"`;
  for (const ind of SPM) {
    const e = ledger.figure(desaOf(unit), ind, bulan);
    const want = `${ind.kode} ${ind.nama} ${angka(e.sasaran)} ${angka(e.realisasi)} ${persenTabel(e.capaian)} ${persenTabel(e.target)} `;
    if (!t.includes(want)) out.push(`${where} summary: expected "${want}" got ${near(t.indexOf(`${ind.kode} ${ind.nama}`))}`);
  }
  const indeks = `Indeks SPM: ${angka(ledger.indeks(desaOf(unit), SPM, bulan))} %`;
  if (!t.includes(indeks)) out.push(`${where} summary: expected "${indeks}" got ${near(t.indexOf("Indeks SPM:"))}`);
  const children = unit in kabActor ? pkms.filter((p) => p.kabupaten === unit).map((p) => p.kode) : desaOf(unit);
  for (const kode of children) {
    const start = t.indexOf(`${kode} `);
    const want = `${SPM.map((ind) => persenTabel(ledger.figure(desaOf(kode), ind, bulan).capaian)).join(" ")} ${persenTabel(ledger.indeks(desaOf(kode), SPM, bulan))} `;
    // The name sits between the code and the figures (at most ~60 characters, possibly cut to fit).
    const at = start < 0 ? -1 : t.indexOf(` ${want}`, start + kode.length);
    if (at < 0 || at > start + kode.length + 70) out.push(`${where} row ${kode}: expected "${want}" got ${near(start)}`);
  }
}

// ---- property: random values and statuses for the desa of one puskesmas over a year ----

const PROP_IND = ["SPM-01", "GIZ-DS", "PM-DBD"].map((k) => INDIKATOR.find((i) => i.kode === k)!);
const propStatus = fc.constantFrom<Plan>("none", "DRAFT", "DIKIRIM", "DIVERIFIKASI", "DIKEMBALIKAN", "DIBUKA", "IMPORT");
const propDesa = fc.record({
  sasaran: fc.tuple(fc.option(fc.integer({ min: 0, max: 60 })), fc.option(fc.integer({ min: 0, max: 60 }))),
  months: fc.array(fc.record({ plan: propStatus, v: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)) }), { minLength: 12, maxLength: 12 }),
});
let propYear = 2001; // runs use 2002, 2003, …: years no demo data and no other test touches

describe(`property: aggregates equal the oracle for every month (seed ${SEED})`, () => {
  it("Puskesmas Anyar's desa, random values and statuses: puskesmas and kabupaten cards, desa rows and API, months 1..12", async () => {
    const { rows } = await client.query<{ kode: string }>(`SELECT kode FROM desa WHERE puskesmas_kode = 'P36043001' ORDER BY kode LIMIT 4`);
    const desas = rows.map((r) => r.kode);
    const pkm = actor("PUSKESMAS", { provinsiKode: "36", kabupatenKode: "36.04", puskesmasKode: "P36043001" });
    const kab = kabActor["36.04"];
    await fc.assert(
      fc.asyncProperty(fc.array(propDesa, { minLength: desas.length, maxLength: desas.length }), async (gen) => {
        const tahun = ++propYear; // each run its own year: nothing to clean up, no run sees another
        const l = new Ledger(tahun);
        const sasaranRows: (string | number)[][] = [];
        const imports: (string | number)[][] = [];
        for (const [i, d] of desas.entries()) {
          gen[i].sasaran.forEach((s, k) => {
            if (s === null) return;
            l.sasaran.set(`${d}|${PROP_IND[k].kode}`, s);
            sasaranRows.push([d, tahun, PROP_IND[k].kode, s]);
          });
        }
        if (sasaranRows.length > 0) expect((await importSasaran(ADMIN, csvOf("kode_desa,tahun,indikator,sasaran", sasaranRows))).ok).toBe(true);
        await Promise.all(desas.map(async (d, i) => {
          for (const [j, m] of gen[i].months.entries()) {
            const bulan = j + 1;
            const v = Object.fromEntries(PROP_IND.map((ind, k) => [ind.kode, m.v[k]]));
            if (m.plan === "none") continue;
            l.setReport(d, bulan, { status: FINAL[m.plan as Exclude<Plan, "none">], values: v });
            if (m.plan === "IMPORT") {
              for (const [ind, n] of Object.entries(v)) imports.push([d, tahun, bulan, ind, n]);
              continue;
            }
            await save(pkm, d, bulan, v, m.plan === "DRAFT" ? "draf" : "kirim", 0, tahun);
            if (m.plan === "DIVERIFIKASI" || m.plan === "DIBUKA") await workflow(kab, d, bulan, "verifikasi", tahun);
            if (m.plan === "DIBUKA") await workflow(kab, d, bulan, "buka", tahun);
            if (m.plan === "DIKEMBALIKAN") await workflow(kab, d, bulan, "kembalikan", tahun);
          }
        }));
        if (imports.length > 0) expect((await importValues(pkm, csvOf("kode_desa,tahun,bulan,indikator,nilai", imports))).ok).toBe(true);

        const out: string[] = [];
        for (let bulan = 1; bulan <= 12; bulan++) {
          const [dp, dk, api] = await Promise.all([
            loadDashboard(pkm, "P36043001", tahun, bulan, TODAY),
            loadDashboard(kab, "36.04", tahun, bulan, TODAY),
            call(spmRoute, "/api/v1/spm", { wilayah: "36.04", tahun, bulan }, token["36.04"]).then((r) => r.json()),
          ]);
          for (const ind of PROP_IND) {
            const want = l.figure(desas, ind, bulan);
            diff(out, `${tahun} m${bulan} puskesmas ${ind.kode}`, want, ofFigure(dp.unit.figures.find((f) => f.indikator === ind.kode)!));
            diff(out, `${tahun} m${bulan} kabupaten ${ind.kode}`, want, ofFigure(dk.unit.figures.find((f) => f.indikator === ind.kode)!));
            const pkmRow = dk.children.find((c) => c.kode === "P36043001")!;
            diff(out, `${tahun} m${bulan} kabupaten row P36043001 ${ind.kode}`, want, ofFigure(pkmRow.figures.find((f) => f.indikator === ind.kode)!));
            for (const c of dp.children) {
              const own = desas.includes(c.kode) ? [c.kode] : [];
              diff(out, `${tahun} m${bulan} desa row ${c.kode} ${ind.kode}`, l.figure(own, ind, bulan), ofFigure(c.figures.find((f) => f.indikator === ind.kode)!));
            }
            if (ind.spm) diff(out, `${tahun} m${bulan} api 36.04 ${ind.kode}`, want, api.layanan.find((x: { indikator: string }) => x.indikator === ind.kode));
          }
        }
        expect(out).toEqual([]);
      }),
      { numRuns: 6, seed: SEED, endOnFailure: true },
    );
  }, 90_000);
});
