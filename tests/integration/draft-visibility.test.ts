import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLaporanForm, simpanLaporan } from "@/lib/data/laporan";
import { desaStatuses, latestChange } from "@/lib/data/kelengkapan";
import { nilaiBulanPuskesmas, riwayatLaporan } from "@/lib/data/laporan-overview";
import { ADMIN, ANYAR, BANTEN, SERANG } from "./helpers";

// DOMAIN.md §7: "drafts show only to their puskesmas". A draft's values must not reach a dinkes or admin
// user through the form page, its audit history or the values template (found by tests/reliability).
const DESA = "36.04.30.2006";
let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`DELETE FROM laporan WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 7`, [DESA]);
  const r = await simpanLaporan(ANYAR, { desaKode: DESA, tahun: 2026, bulan: 7, versi: 0, nilai: { "PM-DBD": "4" }, aksi: "draf", konfirmasi: true, sumber: "test" });
  expect(r.ok).toBe(true);
});
afterAll(() => client.end());

describe("a draft is shown only to its puskesmas", () => {
  it("the puskesmas sees its draft's values, status and history", async () => {
    const form = await getLaporanForm(ANYAR, DESA, 2026, 7);
    expect(form).toMatchObject({ status: "DRAFT", nilai: { "PM-DBD": 4 } });
    expect((await riwayatLaporan(ANYAR, DESA, 2026, 7)).entri.some((r) => r.entitas === "nilai")).toBe(true);
    expect((await nilaiBulanPuskesmas(ANYAR, "P36043001", 2026, 7)).get(DESA)?.get("PM-DBD")).toBe(4);
  });

  it("dinkes kabupaten, provinsi and admin see no report yet: no values, no value history, nothing in the template", async () => {
    for (const actor of [SERANG, BANTEN, ADMIN]) {
      const form = await getLaporanForm(actor, DESA, 2026, 7);
      expect(form, actor.role).toMatchObject({ status: null, id: null, versi: 0, nilai: {} });
      expect(await riwayatLaporan(actor, DESA, 2026, 7), actor.role).toEqual({ entri: [], jumlah: 0 });
      expect((await nilaiBulanPuskesmas(actor, "P36043001", 2026, 7)).get(DESA), actor.role).toBeUndefined();
    }
  });

  it("the dashboard's 'data per' stamp does not move when a draft is saved", async () => {
    const before = await latestChange({ tingkat: "desa", kode: DESA });
    await client.query(`UPDATE laporan SET updated_at = now() + interval '1 day' WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 7`, [DESA]);
    expect(await latestChange({ tingkat: "desa", kode: DESA })).toEqual(before);
    const { rows } = await client.query(`SELECT updated_at FROM laporan WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 7`, [DESA]);
    expect((await latestChange({ tingkat: "puskesmas", kode: "P36043001" }))!.getTime()).toBeLessThan(rows[0].updated_at.getTime());
  });

  it("a value typed in a draft and changed before submitting never reaches dinkes, not even in the history", async () => {
    const other = "36.04.30.2011"; // (2005–2007 are moved or imported by rekap.test)
    await client.query(`DELETE FROM laporan WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 6`, [other]);
    const save = (versi: number, v: string, aksi: "draf" | "kirim") =>
      simpanLaporan(ANYAR, { desaKode: other, tahun: 2026, bulan: 6, versi, nilai: { "PM-DBD": v }, aksi, konfirmasi: true, sumber: "test" });
    expect(await save(0, "777", "draf")).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 5)); // the submission is a later save
    expect(await save(1, "5", "kirim")).toMatchObject({ ok: true, status: "DIKIRIM" });
    const seen = (await riwayatLaporan(SERANG, other, 2026, 6)).entri;
    expect(seen.filter((e) => e.entitas === "nilai").map((e) => [e.aksi, e.lama, e.baru])).toEqual([["tambah", null, 5]]);
    expect(JSON.stringify(seen)).not.toContain("777");
    expect(JSON.stringify(await riwayatLaporan(ANYAR, other, 2026, 6))).toContain("777"); // the puskesmas's own history
  });

  it("the history newest first, each entry at its audit time; with a bound only the latest, counted in all", async () => {
    const other = "36.04.30.2012"; // (2026/5 below)
    await client.query(`DELETE FROM laporan WHERE desa_kode = $1 AND tahun = 2025 AND bulan = 3`, [other]);
    await client.query(`DELETE FROM audit_log WHERE kunci LIKE $1`, [`${other}/2025/3%`]);
    let versi = 0;
    for (const v of ["1", "2", "3"]) {
      const r = await simpanLaporan(ANYAR, { desaKode: other, tahun: 2025, bulan: 3, versi, nilai: { "PM-DBD": v }, aksi: "kirim", konfirmasi: true, sumber: "test" });
      if (!r.ok) throw new Error(r.message);
      versi = r.versi;
      await new Promise((r) => setTimeout(r, 5));
    }
    const all = await riwayatLaporan(SERANG, other, 2025, 3);
    expect(all.jumlah).toBe(4); // the status, then three values
    expect(all.entri.map((e) => e.baru)).toEqual([3, 2, 1, "DIKIRIM"]);
    const { rows } = await client.query<{ at: Date }>(`SELECT at FROM audit_log WHERE kunci = $1 ORDER BY at DESC`, [`${other}/2025/3/PM-DBD`]);
    expect(all.entri.slice(0, 3).map((e) => e.at.getTime())).toEqual(rows.map((r) => r.at.getTime()));
    const latest = await riwayatLaporan(ANYAR, other, 2025, 3, 2);
    expect(latest).toEqual({ entri: all.entri.slice(0, 2), jumlah: 4 });
  });

  it("a draft over a returned month shows on the dinkes dashboard as no report: no lateness, no reason", async () => {
    const other = "36.04.30.2012";
    await client.query(`DELETE FROM laporan WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 5`, [other]);
    await client.query(
      `INSERT INTO laporan (id, desa_kode, tahun, bulan, status, versi, alasan, terlambat, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, updated_at)
       SELECT gen_random_uuid(), kode, 2026, 5, 'DRAFT', 3, 'Cek ulang', true, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, now() FROM desa WHERE kode = $1`,
      [other],
    );
    const may = (await desaStatuses(other, 2026, 5, false))[4];
    expect(may).toEqual({ bulan: 5, status: null, terlambat: false, alasan: null });
    expect((await desaStatuses(other, 2026, 5, true))[4]).toMatchObject({ status: "DRAFT", alasan: "Cek ulang" });
  });

  it("once submitted, the values show to dinkes as well", async () => {
    const r = await simpanLaporan(ANYAR, { desaKode: DESA, tahun: 2026, bulan: 7, versi: 1, nilai: { "PM-DBD": "4" }, aksi: "kirim", konfirmasi: true, sumber: "test" });
    expect(r.ok).toBe(true);
    expect(await getLaporanForm(SERANG, DESA, 2026, 7)).toMatchObject({ status: "DIKIRIM", nilai: { "PM-DBD": 4 } });
    expect((await riwayatLaporan(SERANG, DESA, 2026, 7)).entri.some((x) => x.entitas === "nilai")).toBe(true);
  });
});
