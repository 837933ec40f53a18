import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import { simpanBanyak, simpanLaporan, type SimpanInput } from "@/lib/data/laporan";
import { getGrid, indikatorKlaster } from "@/lib/data/laporan-grid";
import { getPengaturan, simpanPengaturan } from "@/lib/data/pengaturan";
import { loadReport } from "@/lib/data/report";
import { getSasaran } from "@/lib/data/sasaran";
import { todayWib } from "@/lib/clock";
import { ANYAR, BANTEN, BAROS, LEBONG, SERANG } from "./helpers";

// The bulk grid (one klaster × the desa of Puskesmas Anyar, August 2026: no demo reports) and the kabupaten
// settings (deadline day, estimation parameters) of Kabupaten Serang.
const A = "36.04.30.2001";
const B = "36.04.30.2002";
const K2 = indikatorKlaster("K2");
let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

const row = (desaKode: string, nilai: Record<string, string>, over: Partial<SimpanInput> = {}): SimpanInput => ({
  desaKode, tahun: 2026, bulan: 8, versi: 0, nilai, aksi: "draf", konfirmasi: false, sumber: "grid", indikator: K2, ...over,
});

async function stored(desa: string, tahun = 2026, bulan = 8) {
  const { rows } = await client.query<{ i: string; v: number }>(`SELECT indikator_kode i, nilai v FROM nilai WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3 ORDER BY 1`, [desa, tahun, bulan]);
  return Object.fromEntries(rows.map((r) => [r.i, r.v]));
}

describe("bulk grid", () => {
  it("lists every desa of the puskesmas with the klaster's indicators; refuses another puskesmas", async () => {
    const grid = await getGrid(ANYAR, "P36043001", 2026, 8, "K2");
    expect(grid.baris.length).toBeGreaterThan(5);
    expect(grid.baris.map((b) => b.desaKode)).toContain(A);
    expect(grid.indikator.map((i) => i.kode)).toEqual(K2);
    await expect(getGrid(LEBONG, "P36043001", 2026, 8, "K2")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(simpanBanyak(BAROS, [row(A, { "SPM-01": "1" })])).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("writes only the klaster's indicators: the other klaster's stored values stay", async () => {
    await simpanLaporan(ANYAR, { ...row(A, { "SPM-07": "4" }), indikator: undefined, sumber: "test" });
    const r = await simpanBanyak(ANYAR, [row(A, { "SPM-01": "2", "KIA-K1": "3" }, { versi: 1 }), row(B, { "SPM-01": "1", "KIA-K1": "1" })]);
    expect(r.ok).toBe(true);
    expect(await stored(A)).toEqual({ "KIA-K1": 3, "SPM-01": 2, "SPM-07": 4 });
    expect(await stored(B)).toEqual({ "KIA-K1": 1, "SPM-01": 1 });
    const audit = await client.query(`SELECT sumber FROM audit_log WHERE kunci = $1`, [`${B}/2026/8/SPM-01`]);
    expect(audit.rows).toEqual([{ sumber: "grid" }]);
    // Drafts show only to their puskesmas: dinkes sees these rows as not yet reported.
    const dinkes = (await getGrid(SERANG, "P36043001", 2026, 8, "K2")).baris.find((b) => b.desaKode === B)!;
    expect(dinkes).toMatchObject({ status: null, nilai: {} });
    expect((await getGrid(ANYAR, "P36043001", 2026, 8, "K2")).baris.find((b) => b.desaKode === B)).toMatchObject({ status: "DRAFT", nilai: { "SPM-01": 1 } });
  });

  it("all or nothing: one wrong cell or one stale row, and no row is written", async () => {
    const before = [await stored(A), await stored(B)];
    const bad = await simpanBanyak(ANYAR, [row(A, { "SPM-01": "5", "KIA-K1": "6" }, { versi: 2 }), row(B, { "SPM-01": "-1", "KIA-K1": "1" }, { versi: 1 })]);
    expect(bad.ok).toBe(false);
    expect(bad.hasil[A].ok).toBe(true);
    expect(bad.hasil[B]).toMatchObject({ ok: false, reason: "invalid", errors: { "SPM-01": "Tidak boleh negatif." } });
    const stale = await simpanBanyak(ANYAR, [row(A, { "SPM-01": "5", "KIA-K1": "6" }, { versi: 2 }), row(B, { "SPM-01": "2", "KIA-K1": "2" }, { versi: 0 })]);
    expect(stale.hasil[B]).toMatchObject({ ok: false, reason: "conflict" });
    expect([await stored(A), await stored(B)]).toEqual(before);
  });

  it("a warning in the klaster needs confirmation; a warning-free save of the klaster ignores other klasters", async () => {
    const w = await simpanBanyak(ANYAR, [row(A, { "SPM-01": "9000", "KIA-K1": "9000" }, { versi: 2 })]);
    expect(w.hasil[A]).toMatchObject({ ok: false, reason: "warnings" });
    const ok = await simpanBanyak(ANYAR, [row(A, { "SPM-01": "9000", "KIA-K1": "9000" }, { versi: 2, konfirmasi: true })]);
    expect(ok.ok).toBe(true);
    const { rows } = await client.query(`SELECT peringatan FROM nilai WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 8 AND indikator_kode = 'SPM-01'`, [A]);
    expect(rows[0].peringatan).toMatch(/sasaran/);
  });
});

describe("kabupaten settings", () => {
  const prev = (() => {
    const t = todayWib();
    return t.bulan === 1 ? { tahun: t.tahun - 1, bulan: 12, hari: t.hari } : { tahun: t.tahun, bulan: t.bulan - 1, hari: t.hari };
  })();
  const kirim = (desa: string) =>
    simpanLaporan(ANYAR, { desaKode: desa, tahun: prev.tahun, bulan: prev.bulan, versi: 0, nilai: { "SPM-07": "1" }, aksi: "kirim", konfirmasi: false, sumber: "test" });
  const terlambat = async (desa: string) =>
    (await client.query(`SELECT terlambat FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3`, [desa, prev.tahun, prev.bulan])).rows[0].terlambat;

  it("the deadline day is per kabupaten: a report of last month is late or on time by it", async () => {
    await client.query(`DELETE FROM laporan WHERE desa_kode IN ($1, $2) AND tahun = $3 AND bulan = $4`, ["36.04.30.2009", "36.04.30.2010", prev.tahun, prev.bulan]);
    const p = await getPengaturan(SERANG, "36.04", 2026);
    expect(p.hariBatas).toBe(10);
    await simpanPengaturan(SERANG, "36.04", 2026, 31, p.parameter);
    // A report's period is incomplete until the last deadline of its kabupaten (the provinsi: the latest of its kabupaten's).
    const batasLaporan = async (actor: typeof BANTEN, kode: string) => (await loadReport(actor, { kode, tahun: 2026, bulan: 6, detail: "anak", indikator: "spm" })).hariBatas;
    expect(await batasLaporan(BANTEN, "36")).toBe(31);
    expect(await batasLaporan(ANYAR, "P36043001")).toBe(31);
    expect(await batasLaporan(BANTEN, "36.01")).toBe(10);
    expect((await kirim("36.04.30.2009")).ok).toBe(true);
    expect(await terlambat("36.04.30.2009")).toBe(false);
    await simpanPengaturan(SERANG, "36.04", 2026, 1, p.parameter);
    expect((await kirim("36.04.30.2010")).ok).toBe(true);
    expect(await terlambat("36.04.30.2010")).toBe(prev.hari > 1);
    await simpanPengaturan(SERANG, "36.04", 2026, 10, p.parameter);
    const audit = await client.query(`SELECT lama, baru FROM audit_log WHERE kunci = '36.04/hari_batas' ORDER BY id`);
    expect(audit.rows.map((r) => [r.lama, r.baru])).toEqual([[10, 31], [31, 1], [1, 10]]);
  });

  it("changing the kabupaten's parameters re-estimates ESTIMASI sasaran at once; other kabupaten and outsiders are refused", async () => {
    const desa = "36.04.30.2005";
    const before = await getSasaran(SERANG, desa, "SPM-02", 2026);
    expect(before.sumber).toBe("ESTIMASI");
    const p = await getPengaturan(SERANG, "36.04", 2026);
    const r = await simpanPengaturan(SERANG, "36.04", 2026, p.hariBatas, { ...p.parameter, cbrPerMil: p.parameter.cbrPerMil * 2 });
    expect(r.sasaranBerubah).toBeGreaterThan(0);
    const after = await getSasaran(SERANG, desa, "SPM-02", 2026);
    expect(after.sasaran!).toBeGreaterThan(before.sasaran! * 1.8);
    expect((await getPengaturan(SERANG, "36.04", 2026)).sumberParameter).toBe("kabupaten");
    await simpanPengaturan(SERANG, "36.04", 2026, p.hariBatas, p.parameter);
    expect(await getSasaran(SERANG, desa, "SPM-02", 2026)).toEqual(before);
    await expect(simpanPengaturan(LEBONG, "36.04", 2026, 10, p.parameter)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(simpanPengaturan(ANYAR, "36.04", 2026, 10, p.parameter)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
