import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLaporanForm, simpanLaporan } from "@/lib/data/laporan";
import { unitFigures } from "@/lib/data/figures";
import { kelompokForm } from "@/lib/laporan/kelompok";
import { INDIKATOR } from "@/lib/spm/catalog";
import { ANYAR, SERANG } from "./helpers";

// The form's running total is the engine's (issue 14): January..the month before, counted exactly as the
// dashboards count (DIKIRIM and DIVERIFIKASI only), plus the month's own value. It used to read only the
// six months before, so from August on the form showed less than the dashboard.
const DESA = "36.04.30.2001"; // Anyar: demo reports for every month of the demo year
const SEPI = "36.04.30.2004"; // a desa of Anyar for the draft cases, in a year free of demo data
const TAHUN_SEPI = 2018;

let client: pg.Client;
let tahunDemo: number;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ t: number }>(
    `SELECT tahun t FROM laporan WHERE desa_kode = $1 GROUP BY tahun ORDER BY count(*) DESC, tahun DESC LIMIT 1`,
    [DESA],
  );
  tahunDemo = rows[0].t;
  await client.query(`DELETE FROM laporan WHERE desa_kode = $1 AND tahun = $2`, [SEPI, TAHUN_SEPI]);
});
afterAll(async () => {
  await client.query(`DELETE FROM laporan WHERE desa_kode = $1 AND tahun = $2`, [SEPI, TAHUN_SEPI]);
  await client.query(`DELETE FROM sasaran WHERE desa_kode = $1 AND tahun = $2`, [SEPI, TAHUN_SEPI]);
  await client.end();
});

describe("the form's running total equals the dashboard's realisasi", () => {
  it.each([1, 7, 8, 12])("month %i of a desa with a whole year of demo reports, for the puskesmas and for dinkes", async (bulan) => {
    const dashboard = await unitFigures(SERANG, DESA, tahunDemo, bulan);
    const { rows: open } = await client.query<{ b: number }>(
      `SELECT b FROM generate_series(1, $3::int - 1) b
       WHERE NOT EXISTS (SELECT 1 FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan = b AND status IN ('DIKIRIM', 'DIVERIFIKASI')) ORDER BY b`,
      [DESA, tahunDemo, bulan],
    );
    for (const viewer of [ANYAR, SERANG]) {
      const form = await getLaporanForm(viewer, DESA, tahunDemo, bulan);
      expect(form.belumDihitung.map((m) => m.bulan)).toEqual(open.map((r) => r.b));
      for (const ind of INDIKATOR) {
        const own = form.nilai[ind.kode] ?? 0;
        const shown = ind.jenis === "bulanan" ? own : (form.konteks.kumulatifSebelum[ind.kode] ?? 0) + own;
        const fig = dashboard.figures.find((f) => f.indikator === ind.kode)!;
        expect(shown, `${ind.kode} ${bulan}/${tahunDemo}`).toBe(fig.realisasi);
        if (ind.jenis !== "jumlah") expect(form.konteks.sasaran[ind.kode] ?? null, ind.kode).toBe(fig.sasaran);
      }
    }
  });

  it("December sums all eleven earlier months (the six-month window gave less)", async () => {
    const { rows } = await client.query<{ s: number }>(
      `SELECT coalesce(sum(nilai), 0)::int s FROM nilai WHERE desa_kode = $1 AND tahun = $2 AND bulan < 12 AND indikator_kode = 'SPM-01' AND dihitung`,
      [DESA, tahunDemo],
    );
    const form = await getLaporanForm(ANYAR, DESA, tahunDemo, 12);
    expect(form.konteks.kumulatifSebelum["SPM-01"]).toBe(rows[0].s);
    const { rows: six } = await client.query<{ s: number }>(
      `SELECT coalesce(sum(nilai), 0)::int s FROM nilai WHERE desa_kode = $1 AND tahun = $2 AND bulan BETWEEN 6 AND 11 AND indikator_kode = 'SPM-01'`,
      [DESA, tahunDemo],
    );
    expect(rows[0].s).toBeGreaterThan(six[0].s); // the old window really differs for this case
  });
});

describe("drafts, returned and missing months in the running total", () => {
  const simpan = (bulan: number, nilai: string, aksi: "draf" | "kirim") =>
    simpanLaporan(ANYAR, { desaKode: SEPI, tahun: TAHUN_SEPI, bulan, versi: 0, nilai: { "SPM-01": nilai }, aksi, konfirmasi: true, sumber: "test" });

  it("counts only submitted months, names the others, and shows a draft as such only to its puskesmas", async () => {
    expect(await simpan(1, "7", "kirim")).toMatchObject({ ok: true });
    expect(await simpan(2, "500", "draf")).toMatchObject({ ok: true, status: "DRAFT" });
    // March: no report. April: the form.
    for (const viewer of [ANYAR, SERANG]) {
      const form = await getLaporanForm(viewer, SEPI, TAHUN_SEPI, 4);
      expect(form.konteks.kumulatifSebelum["SPM-01"], viewer.role).toBe(7);
      expect(form.belumDihitung, viewer.role).toEqual([
        { bulan: 2, status: viewer.role === "PUSKESMAS" ? "DRAFT" : null },
        { bulan: 3, status: null },
      ]);
    }
    // A dinkes user learns nothing from the draft: February's and March's forms give the same total.
    const feb = await getLaporanForm(SERANG, SEPI, TAHUN_SEPI, 2);
    const mar = await getLaporanForm(SERANG, SEPI, TAHUN_SEPI, 3);
    expect(feb.nilai).toEqual({});
    expect(feb.versi).toBe(0);
    expect(mar.konteks.kumulatifSebelum["SPM-01"]).toBe(feb.konteks.kumulatifSebelum["SPM-01"]);
  });

  it("the 120 % warning uses the counted total, not a draft", async () => {
    await client.query(
      `INSERT INTO sasaran (desa_kode, indikator_kode, tahun, jumlah, sumber, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode)
       SELECT kode, 'SPM-01', $2, 10, 'DITETAPKAN', puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode FROM desa WHERE kode = $1
       ON CONFLICT (desa_kode, indikator_kode, tahun) DO UPDATE SET jumlah = 10`,
      [SEPI, TAHUN_SEPI],
    );
    expect((await getLaporanForm(ANYAR, SEPI, TAHUN_SEPI, 4)).konteks.sasaran["SPM-01"]).toBe(10);
    // 7 (January) + 5 = 12 ≤ 12 (120 % of 10): no warning; the 500 of the February draft must not count.
    const r = await simpanLaporan(ANYAR, { desaKode: SEPI, tahun: TAHUN_SEPI, bulan: 4, versi: 0, nilai: { "SPM-01": "5", "KIA-K1": "20" }, aksi: "draf", konfirmasi: false, sumber: "test" });
    expect(r).toMatchObject({ ok: true, warnings: {} });
    // 7 + 6 = 13 > 12: warned.
    const again = await getLaporanForm(ANYAR, SEPI, TAHUN_SEPI, 4);
    const w = await simpanLaporan(ANYAR, { desaKode: SEPI, tahun: TAHUN_SEPI, bulan: 4, versi: again.versi, nilai: { "SPM-01": "6", "KIA-K1": "20" }, aksi: "draf", konfirmasi: false, sumber: "test" });
    expect(w).toMatchObject({ ok: false, reason: "warnings", warnings: { "SPM-01": expect.stringContaining("120 %") } });
  });

  it("an indicator reported before the month has data in the form as on the dashboard, one reported only later has none", async () => {
    // After the cases above: SPM-01 counted in January (7) and April is a draft; KIA-K1 only in the April draft.
    // May sent with KIA-K1 only: reported in the year, but not in January..March.
    const mei = await simpanLaporan(ANYAR, { desaKode: SEPI, tahun: TAHUN_SEPI, bulan: 5, versi: 0, nilai: { "KIA-K1": "3" }, aksi: "kirim", konfirmasi: true, sumber: "test" });
    expect(mei).toMatchObject({ ok: true, status: "DIKIRIM" });
    const byKode = (f: Awaited<ReturnType<typeof getLaporanForm>>) => new Map(kelompokForm(f.konteks).flatMap((k) => k.indikator).map((i) => [i.kode, i]));
    const april = byKode(await getLaporanForm(SERANG, SEPI, TAHUN_SEPI, 4));
    expect(april.get("SPM-01")).toMatchObject({ sebelum: 7, adaSebelum: true });
    expect(april.get("KIA-K1")).toMatchObject({ sebelum: 0, adaSebelum: false });
    const juni = byKode(await getLaporanForm(SERANG, SEPI, TAHUN_SEPI, 6));
    expect(juni.get("KIA-K1")).toMatchObject({ sebelum: 3, adaSebelum: true });
    // The dashboard of April agrees: SPM-01 has data (January), KIA-K1 none; June: KIA-K1 has data (May).
    const figs = async (bulan: number) => new Map((await unitFigures(SERANG, SEPI, TAHUN_SEPI, bulan)).figures.map((f) => [f.indikator, f.adaData]));
    expect((await figs(4)).get("SPM-01")).toBe(true);
    expect((await figs(4)).get("KIA-K1")).toBe(false);
    expect((await figs(6)).get("KIA-K1")).toBe(true);
  });
});
