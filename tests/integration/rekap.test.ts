import { afterAll, describe, expect, it } from "vitest";
import { childFigures, unitFigures } from "@/lib/data/figures";
import { importSasaran } from "@/lib/data/import-sasaran";
import { importValues } from "@/lib/data/import-values";
import { laporanCounts } from "@/lib/data/kelengkapan";
import { simpanLaporan, type SimpanInput } from "@/lib/data/laporan";
import { ubahStatusLaporan } from "@/lib/data/verifikasi";
import { nilaiSumsQuery } from "@/lib/data/sums-sql";
import { getWilayah } from "@/lib/data/wilayah";
import { bulkPool, closePool } from "@/lib/db/pool";
import { ADMIN, ANYAR, SERANG } from "./helpers";

// The rollups (rekap_nilai, rekap_sasaran, rekap_laporan) must always equal the GROUP BY over the base
// tables, after every kind of write: the demo seed (COPY), the form, the verification workflow, deletes,
// imports, a desa moved to another puskesmas, and a rolled-back transaction. Months 2026-08..10 of Serang
// desa are free of demo data (the seed stops at June 2026) and of the other test files.
const DESA = "36.04.30.2004"; // Puskesmas Anyar
const IMPORTED = ["36.04.30.2005", "36.04.30.2006", "36.04.30.2007"];

afterAll(() => closePool());

// The comparisons scan whole base tables: the bulk pool (long statement timeout), not the web pool (10 s).
async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await (await bulkPool()).query<T>(sql, params)).rows;
}

/** The three levels of a base-table aggregate, as rollup rows (tingkat, provinsi, kabupaten, kode). */
const LEVELS = `CROSS JOIN LATERAL (VALUES ('provinsi', '', b.provinsi_kode), ('kabupaten', b.kabupaten_kode, b.kabupaten_kode),
  ('puskesmas', b.kabupaten_kode, b.puskesmas_kode)) u (tingkat, kab, kode)`;
/** rekap_nilai has a fourth level, desa. */
const LEVELS_NILAI = LEVELS.replace(") u (tingkat", ", ('desa', b.kabupaten_kode, b.desa_kode)) u (tingkat");
/** rekap_nilai's yearly rows (b1..b12) as one row per month, as the base GROUP BY gives them. */
const MONTHS = `CROSS JOIN LATERAL unnest(ARRAY[b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12]) WITH ORDINALITY m (jumlah, bulan)`;
const NOT_ZERO = `ARRAY[b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12] <> array_fill(0::bigint, ARRAY[12])`;

/**
 * Rows in the rollup but not in the base GROUP BY, and the other way round (both empty = equal). `tahun`
 * limits the comparison to the year the writes below touch (the whole database is compared after the seed
 * and after a rebuild).
 */
async function differences(tahun?: number): Promise<Record<string, unknown[]>> {
  const y = (alias = "") => (tahun === undefined ? "" : ` AND ${alias}tahun = ${Number(tahun)}`);
  const diff = (a: string, b: string) => q(`(${a} EXCEPT ALL ${b}) UNION ALL (${b} EXCEPT ALL ${a})`);
  return {
    nilai: await diff(
      `SELECT tingkat, provinsi_kode, kabupaten_kode, kode, indikator_kode, tahun, m.bulan::int, m.jumlah FROM rekap_nilai ${MONTHS} WHERE m.jumlah <> 0${y()}`,
      `SELECT u.tingkat, b.provinsi_kode, u.kab, u.kode, b.indikator_kode, b.tahun, b.bulan, sum(b.nilai)::bigint FROM nilai b ${LEVELS_NILAI}
       WHERE b.dihitung${y("b.")} GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(b.nilai) <> 0`,
    ),
    sasaran: await diff(
      `SELECT tingkat, provinsi_kode, kabupaten_kode, kode, indikator_kode, tahun, jumlah, baris, ditetapkan FROM rekap_sasaran WHERE baris <> 0${y()}`,
      `SELECT u.tingkat, b.provinsi_kode, u.kab, u.kode, b.indikator_kode, b.tahun, sum(b.jumlah)::bigint, count(*)::int,
              (count(*) FILTER (WHERE b.sumber = 'DITETAPKAN'))::int FROM sasaran b ${LEVELS} WHERE true${y("b.")} GROUP BY 1, 2, 3, 4, 5, 6`,
    ),
    laporan: await diff(
      `SELECT tingkat, provinsi_kode, kabupaten_kode, kode, tahun, bulan, dikirim, tepat FROM rekap_laporan WHERE dikirim <> 0${y()}`,
      `SELECT u.tingkat, b.provinsi_kode, u.kab, u.kode, b.tahun, b.bulan, count(*)::int, (count(*) FILTER (WHERE NOT b.terlambat))::int
       FROM laporan b ${LEVELS} WHERE b.status IN ('DIKIRIM', 'DIVERIFIKASI')${y("b.")} GROUP BY 1, 2, 3, 4, 5, 6`,
    ),
    antrean: await q(`SELECT * FROM rekap_antrean`),
    tanda: await q(`SELECT * FROM rekap_tanda`),
  };
}

const NONE = { nilai: [], sasaran: [], laporan: [], antrean: [], tanda: [] };

async function rekapSize(): Promise<number> {
  const [r] = await q<{ n: number }>(`SELECT ((SELECT count(*) FROM rekap_nilai) + (SELECT count(*) FROM rekap_laporan))::int AS n`);
  return r.n;
}

const form = (over: Partial<SimpanInput>): SimpanInput => ({
  desaKode: DESA, tahun: 2026, bulan: 9, versi: 0, nilai: {}, aksi: "draf", konfirmasi: true, sumber: "test", ...over,
});

describe("rollups equal the base-table GROUP BY", () => {
  it("after the demo seed (loaded with COPY, the triggers firing once per statement)", async () => {
    expect(await rekapSize()).toBeGreaterThan(1000);
    expect(await differences()).toEqual(NONE);
  });

  it("after a draft (not counted), a submission, a change of values and a removed value", async () => {
    await q(`DELETE FROM laporan WHERE desa_kode = $1 AND tahun = 2026 AND bulan IN (9, 10)`, [DESA]);
    const draft = await simpanLaporan(ANYAR, form({ nilai: { "SPM-01": "4", "KIA-K1": "6", "PM-DBD": "1" } }));
    expect(draft).toMatchObject({ ok: true, status: "DRAFT" });
    expect(await differences(2026)).toEqual(NONE);
    const sent = await simpanLaporan(ANYAR, form({ versi: 1, aksi: "kirim", nilai: { "SPM-01": "4", "KIA-K1": "6", "PM-DBD": "1" } }));
    expect(sent).toMatchObject({ ok: true, status: "DIKIRIM" });
    const [{ n }] = await q<{ n: string }>(`SELECT b9::text n FROM rekap_nilai WHERE tingkat = 'puskesmas' AND kode = 'P36043001' AND tahun = 2026 AND indikator_kode = 'SPM-01'`);
    expect(n).toBe("4");
    expect(await differences(2026)).toEqual(NONE);
    const changed = await simpanLaporan(ANYAR, form({ versi: 2, aksi: "kirim", nilai: { "SPM-01": "5", "KIA-K1": "6" } }));
    expect(changed).toMatchObject({ ok: true, status: "DIKIRIM" });
    expect(await differences(2026)).toEqual(NONE);
  });

  it("after verification, return and reopening (nilai.dihitung flips with the status)", async () => {
    const lap = async () => (await q<{ id: string; versi: number }>(`SELECT id, versi FROM laporan WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 9`, [DESA]))[0];
    expect(await ubahStatusLaporan(SERANG, (await lap()).id, "verifikasi", (await lap()).versi, null)).toEqual({ ok: true });
    expect(await differences(2026)).toEqual(NONE);
    expect(await ubahStatusLaporan(SERANG, (await lap()).id, "buka", (await lap()).versi, "Angka perlu dicek ulang")).toEqual({ ok: true });
    expect(await differences(2026)).toEqual(NONE);
    const [{ n }] = await q<{ n: number }>(`SELECT count(*)::int n FROM nilai WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 9 AND dihitung`, [DESA]);
    expect(n).toBe(0);
  });

  it("after an import of values and one of sasaran (set-based COPY upserts)", async () => {
    const lines = ["kode_desa,tahun,bulan,indikator,nilai"];
    for (const d of IMPORTED) for (const b of [8, 9, 10]) for (const [i, v] of [["SPM-04", 20 + b], ["SPM-08", 3], ["PM-DBD", 0]] as const) lines.push(`${d},2026,${b},${i},${v}`);
    const r = await importValues(ADMIN, lines.join("\n"));
    expect(r.ok).toBe(true);
    expect(await differences(2026)).toEqual(NONE);
    const again = await importValues(ADMIN, lines.join("\n").replace(",2026,9,SPM-04,29", ",2026,9,SPM-04,7"));
    expect(again.ok).toBe(true);
    expect(await differences(2026)).toEqual(NONE);
    const s = await importSasaran(ADMIN, ["kode_desa,tahun,indikator,sasaran", ...IMPORTED.map((d) => `${d},2026,SPM-04,321`)].join("\n"));
    expect(s.ok).toBe(true);
    const [{ d }] = await q<{ d: number }>(`SELECT ditetapkan d FROM rekap_sasaran WHERE tingkat = 'kabupaten' AND kode = '36.04' AND tahun = 2026 AND indikator_kode = 'SPM-04'`);
    expect(d).toBeGreaterThanOrEqual(3);
    expect(await differences(2026)).toEqual(NONE);
  });

  it("after deletes (a report with its values by cascade, a single value, sasaran rows)", async () => {
    await q(`DELETE FROM laporan WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 10`, [IMPORTED[0]]);
    await q(`DELETE FROM nilai WHERE desa_kode = $1 AND tahun = 2026 AND bulan = 8 AND indikator_kode = 'SPM-04'`, [IMPORTED[1]]);
    await q(`DELETE FROM sasaran WHERE desa_kode = $1 AND tahun = 2026 AND indikator_kode = 'SPM-04'`, [IMPORTED[2]]);
    expect(await differences(2026)).toEqual(NONE);
  });

  it("after a desa moves to another puskesmas (codes rewritten in one transaction)", async () => {
    const c = await (await bulkPool()).connect();
    try {
      await c.query("BEGIN");
      for (const t of ["desa", "laporan", "nilai", "sasaran"]) {
        await c.query(`UPDATE ${t} SET puskesmas_kode = 'P36042201' WHERE ${t === "desa" ? "kode" : "desa_kode"} = $1`, [IMPORTED[2]]);
      }
      await c.query("COMMIT");
    } finally {
      c.release();
    }
    expect(await differences(2026)).toEqual(NONE);
  });

  it("a rolled-back transaction leaves the rollups as they were", async () => {
    const before = await q(`SELECT * FROM rekap_nilai WHERE kode = 'P36043001' AND tahun = 2026 ORDER BY indikator_kode`);
    const c = await (await bulkPool()).connect();
    try {
      await c.query("BEGIN");
      await c.query(`UPDATE nilai SET nilai = nilai + 100 WHERE puskesmas_kode = 'P36043001' AND tahun = 2026`);
      await c.query("ROLLBACK");
    } finally {
      c.release();
    }
    expect(await q(`SELECT * FROM rekap_nilai WHERE kode = 'P36043001' AND tahun = 2026 ORDER BY indikator_kode`)).toEqual(before);
    expect(await differences(2026)).toEqual(NONE);
  });

  it("rekap_bangun_ulang() rebuilds the same rows", async () => {
    const snapshot = () => q(`SELECT * FROM rekap_nilai WHERE ${NOT_ZERO} ORDER BY 1, 2, 3, 4, 5, 6`);
    const before = await snapshot();
    await q(`SELECT rekap_bangun_ulang()`);
    expect(await snapshot()).toEqual(before);
  });
});

describe("figures read from the rollups equal the base-table figures", () => {
  it("a kabupaten's unit total and its puskesmas equal the sums of its desa (September 2026, after the writes above)", async () => {
    const serang = await getWilayah(SERANG, "36.04");
    const unit = await unitFigures(SERANG, "36.04", 2026, 10);
    const desa = await childFigures(SERANG, "36.04", 2026, 10, "desa");
    const pkm = await childFigures(SERANG, "36.04", 2026, 10);
    for (const ind of ["SPM-01", "SPM-04", "SPM-08", "KIA-K1", "PM-DBD"]) {
      const total = (rows: typeof desa, k: "realisasi" | "sasaran") => rows.reduce((s, c) => s + (c.figures.find((f) => f.indikator === ind)![k] ?? 0), 0);
      const u = unit.figures.find((f) => f.indikator === ind)!;
      expect(total(desa, "realisasi")).toBe(u.realisasi);
      expect(total(pkm, "realisasi")).toBe(u.realisasi);
      expect(total(pkm, "sasaran")).toBe(u.sasaran ?? 0);
    }
    const counts = await laporanCounts(serang, "puskesmas", 2026, 10);
    const base = await q<{ k: string; n: number }>(
      `SELECT puskesmas_kode k, count(*)::int n FROM laporan WHERE kabupaten_kode = '36.04' AND tahun = 2026 AND bulan <= 10
       AND status IN ('DIKIRIM', 'DIVERIFIKASI') GROUP BY 1`,
    );
    expect(base.length).toBeGreaterThan(0); // the loop below must compare something
    for (const r of base) expect(counts.get(r.k)?.dikirim).toBe(r.n);
  });

  it("every rollup read returns the same rows as the base-table GROUP BY (unit, children, kecamatan and desa of kabupaten, provinsi, nation)", async () => {
    const units = [await getWilayah(ADMIN, ""), await getWilayah(ADMIN, "36"), await getWilayah(SERANG, "36.04")];
    const sorted = (rows: { k: string; i: string }[]) => [...rows].sort((a, b) => (a.k + a.i < b.k + b.i ? -1 : 1));
    let compared = 0;
    for (const node of units) {
      for (const level of [null, "kabupaten", "kecamatan", "puskesmas", "desa"] as const) {
        for (const bulan of [1, 9, 12]) {
          const [rekapSql, rekapParams] = nilaiSumsQuery(node, level, 2026, bulan);
          const [baseSql, baseParams] = nilaiSumsQuery(node, level, 2026, bulan, { useRekap: false });
          expect(rekapSql === baseSql).toBe(level === "kabupaten" && node.tingkat === "kabupaten"); // else a rollup answers
          // Months with nothing are 0 in a rollup row and null in the GROUP BY; a rollup row whose months are
          // all zero (values removed) is absent from the GROUP BY, as is a base group whose values are all 0.
          const normal = (rows: Record<string, string | null>[]) =>
            rows
              .map((r) => Object.fromEntries(Object.entries(r).map(([c, v]) => [c, /^m\d+$/.test(c) && (v === null || v === "0") ? null : v])))
              .filter((r) => Object.entries(r).some(([c, v]) => /^m\d+$/.test(c) && v !== null));
          const fromRekap = normal(await q(rekapSql, rekapParams));
          const fromBase = normal(await q(baseSql, baseParams));
          expect(sorted(fromRekap as never)).toEqual(sorted(fromBase as never));
          compared += fromBase.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
