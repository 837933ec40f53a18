import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWilayah } from "@/lib/db/wilayah-source";
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
});
