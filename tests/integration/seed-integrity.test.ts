import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableUuid } from "@/lib/db/random";
import { readWilayah } from "@/lib/db/wilayah-source";
import { TEST_TODAY } from "../setup/global-db";
import { INDIKATOR } from "@/lib/spm/catalog";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

describe("init and demo seed", () => {
  const w = readWilayah();

  it("loads every provinsi, kabupaten, kecamatan and desa of idn-area-data", async () => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM provinsi)::int p, (SELECT count(*) FROM kabupaten)::int k,
              (SELECT count(*) FROM kecamatan)::int c, (SELECT count(*) FROM desa)::int d`,
    );
    expect(rows[0]).toEqual({ p: 38, k: 514, c: 7285, d: 83762 });
    expect([w.provinsi.length, w.kabupaten.length, w.kecamatan.length, w.desa.length]).toEqual([38, 514, 7285, 83762]);
  });

  it("has, for every kabupaten, exactly the desa count of idn-area-data", async () => {
    const expected = new Map<string, number>();
    for (const d of w.desa) {
      const kab = d.kode.slice(0, 5);
      expected.set(kab, (expected.get(kab) ?? 0) + 1);
    }
    const { rows } = await client.query<{ kode: string; n: number }>(
      `SELECT kabupaten_kode AS kode, count(*)::int n FROM desa GROUP BY 1`,
    );
    expect(new Map(rows.map((r) => [r.kode, r.n]))).toEqual(expected);
  });

  it("gives every desa one puskesmas of its own kabupaten and at most one pustu", async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS bad FROM desa d JOIN puskesmas p ON p.kode = d.puskesmas_kode
       WHERE p.kabupaten_kode <> d.kabupaten_kode`,
    );
    expect(rows[0].bad).toBe(0);
    const pustu = await client.query(`SELECT count(*)::int n, count(DISTINCT desa_kode)::int d FROM pustu`);
    expect(pustu.rows[0]).toEqual({ n: 83762, d: 83762 });
  });

  it("names the ten Serang ILP pilot puskesmas after their kecamatan", async () => {
    const pilots = ["Anyar", "Baros", "Bojonegara", "Cikande", "Cikeusal", "Jawilan", "Pabuaran", "Pontang", "Tirtayasa", "Waringinkurung"];
    const { rows } = await client.query<{ nama: string }>(`SELECT nama FROM puskesmas WHERE kabupaten_kode = '36.04'`);
    const names = new Set(rows.map((r) => r.nama));
    for (const p of pilots) expect(names.has(`Puskesmas ${p}`)).toBe(true);
    const anyar = await client.query(`SELECT kode FROM puskesmas WHERE nama = 'Puskesmas Anyar'`);
    expect(anyar.rows[0].kode).toBe("P36043001");
  });

  it("loads the indicator catalog from lib/spm", async () => {
    const { rows } = await client.query<{ kode: string }>(`SELECT kode FROM indikator ORDER BY urutan`);
    expect(rows.map((r) => r.kode)).toEqual(INDIKATOR.map((i) => i.kode));
  });

  it("gives demo desa 2 to 5 posyandu, population and monthly values, only in the four demo kabupaten", async () => {
    const { rows } = await client.query(
      `SELECT min(n)::int lo, max(n)::int hi FROM (SELECT count(*) n FROM posyandu GROUP BY desa_kode) x`,
    );
    expect(rows[0]).toEqual({ lo: 2, hi: 5 });
    const kab = await client.query<{ k: string }>(`SELECT DISTINCT kabupaten_kode k FROM laporan ORDER BY 1`);
    expect(kab.rows.map((r) => r.k)).toEqual(["17.02", "17.07", "36.04", "81.02"]);
    const mirrored = await client.query(
      `SELECT count(*)::int bad FROM nilai n JOIN laporan l ON l.id = n.laporan_id
       WHERE n.dihitung <> (l.status IN ('DIKIRIM', 'DIVERIFIKASI')) OR n.desa_kode <> l.desa_kode`,
    );
    expect(mirrored.rows[0].bad).toBe(0);
  });

  it("sends no demo report after the day it is seeded on: the last month's reports are sent by `today`, late only after day 10", async () => {
    // The seeded reports of the last full month (June for TEST_TODAY 15 July): still as seeded (versi 1, the seed's id).
    const { rows } = await client.query<{ id: string; desa_kode: string; dikirim_at: Date; terlambat: boolean }>(
      `SELECT id::text, desa_kode, dikirim_at, terlambat FROM laporan WHERE tahun = $1 AND bulan = $2 AND versi = 1 AND dikirim_at IS NOT NULL`,
      [TEST_TODAY.getUTCFullYear(), TEST_TODAY.getUTCMonth()],
    );
    const seeded = rows.filter((r) => r.id === stableUuid(`${r.desa_kode}/${TEST_TODAY.getUTCFullYear()}/${TEST_TODAY.getUTCMonth()}`));
    expect(seeded.length).toBeGreaterThan(100);
    expect(seeded.filter((r) => r.dikirim_at.getTime() > TEST_TODAY.getTime())).toEqual([]);
    // Sent up to 16 July, clamped to 15 July 07:00 WIB: late ones exist, and each late one is after day 10 (WIB).
    const dayWib = (d: Date) => new Date(d.getTime() + 7 * 3600_000).getUTCDate();
    expect(seeded.some((r) => r.terlambat)).toBe(true);
    for (const r of seeded) expect(r.terlambat, r.desa_kode).toBe(dayWib(r.dikirim_at) > 10);
  });
});
