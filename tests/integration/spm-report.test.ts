import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { childFigures } from "@/lib/data/figures";
import { spmReport } from "@/lib/data/spm-report";
import { ADMIN, ANYAR, BAROS } from "./helpers";

// Year 2028 holds no demo data: the figures below are worked out by hand from what this test inserts.
const A = "36.04.30.2001";
const B = "36.04.30.2002";
const TAHUN = 2028;
let client: pg.Client;

async function report(desa: string, bulan: number, status: string, values: Record<string, number>) {
  const { rows } = await client.query(
    `INSERT INTO laporan (id, desa_kode, tahun, bulan, status, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode)
     SELECT gen_random_uuid(), kode, $2, $3, $4::"StatusLaporan", puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode
     FROM desa WHERE kode = $1 RETURNING id`,
    [desa, TAHUN, bulan, status],
  );
  for (const [ind, v] of Object.entries(values)) {
    await client.query(
      `INSERT INTO nilai (laporan_id, indikator_kode, nilai, desa_kode, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, tahun, bulan, dihitung)
       SELECT $1, $2, $3, kode, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode, $4, $5, $6 FROM desa WHERE kode = $7`,
      [rows[0].id, ind, v, TAHUN, bulan, status === "DIKIRIM" || status === "DIVERIFIKASI", desa],
    );
  }
}

async function sasaran(desa: string, ind: string, jumlah: number) {
  await client.query(
    `INSERT INTO sasaran (desa_kode, indikator_kode, tahun, jumlah, sumber, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode)
     SELECT kode, $2, $3, $4, 'DITETAPKAN', puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode FROM desa WHERE kode = $1`,
    [desa, ind, TAHUN, jumlah],
  );
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await sasaran(A, "SPM-01", 100);
  await sasaran(B, "SPM-01", 50);
  await sasaran(A, "SPM-02", 0);
  await sasaran(A, "SPM-07", 40);
  await report(A, 1, "DIVERIFIKASI", { "SPM-01": 10, "SPM-02": 3, "SPM-07": 30 });
  await report(A, 2, "DIKIRIM", { "SPM-01": 20, "SPM-07": 30 });
  await report(B, 1, "DIKIRIM", { "SPM-01": 5 });
  await report(B, 2, "DRAFT", { "SPM-01": 100 });
});
afterAll(() => client.end());

const layanan = (r: Awaited<ReturnType<typeof spmReport>>, kode: string) => r.layanan.find((l) => l.indikator === kode)!;

describe("spm-report against figures worked out by hand", () => {
  it("desa: cumulative realisasi over verified and submitted months; sasaran 0 gives null, over 100 % is shown", async () => {
    const r = await spmReport(ADMIN, A, TAHUN, 2);
    expect(r.wilayah).toEqual({ kode: A, nama: "Anyar", tingkat: "desa" });
    expect(r.layanan).toHaveLength(12);
    expect(r.layanan.map((l) => l.indikator)).toEqual(Array.from({ length: 12 }, (_, i) => `SPM-${String(i + 1).padStart(2, "0")}`));
    expect(layanan(r, "SPM-01")).toMatchObject({ sasaran: 100, realisasi: 30, capaian: 30, target: 16.67 });
    expect(layanan(r, "SPM-02")).toMatchObject({ sasaran: 0, realisasi: 3, capaian: null });
    expect(layanan(r, "SPM-07")).toMatchObject({ sasaran: 40, realisasi: 60, capaian: 150 });
    // Indeks: mean of min(C, 100) over services with S > 0: (30 + 100) / 2.
    expect(r.indeks).toBe(65);
  });

  it("January: target line is 100/12 and only January counts", async () => {
    const r = await spmReport(ADMIN, A, TAHUN, 1);
    expect(layanan(r, "SPM-01")).toMatchObject({ realisasi: 10, capaian: 10, target: 8.33 });
  });

  it("puskesmas, kabupaten and provinsi aggregate as Σ realisasi / Σ sasaran; drafts do not count", async () => {
    for (const kode of ["P36043001", "36.04.30", "36.04", "36"]) {
      const r = await spmReport(ADMIN, kode, TAHUN, 2);
      // A: 30 of 100, B: 5 of 50 (its February is a draft): 35 / 150 = 23.333…
      expect(layanan(r, "SPM-01"), kode).toMatchObject({ sasaran: 150, realisasi: 35, capaian: 23.33 });
    }
    const nasional = await spmReport(ADMIN, "", TAHUN, 2);
    expect(nasional.wilayah).toEqual({ kode: "", nama: "Indonesia", tingkat: "nasional" });
    expect(layanan(nasional, "SPM-01").capaian).toBe(23.33);
  });

  it("the per-desa breakdown of a puskesmas adds up to the puskesmas", async () => {
    const children = await childFigures(ADMIN, "P36043001", TAHUN, 2);
    const a = children.find((c) => c.kode === A)!;
    expect(a.figures.find((f) => f.indikator === "SPM-01")).toMatchObject({ realisasi: 30, sasaran: 100 });
    const total = children.reduce((s, c) => s + c.figures.find((f) => f.indikator === "SPM-01")!.realisasi, 0);
    expect(total).toBe(35);
  });

  it("scope: another puskesmas cannot read this desa; unknown codes are not found", async () => {
    await expect(spmReport(BAROS, A, TAHUN, 2)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(spmReport(ANYAR, "36.04", TAHUN, 2)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(spmReport(ADMIN, "36.99", TAHUN, 2)).rejects.toBeInstanceOf(NotFoundError);
  });
});
