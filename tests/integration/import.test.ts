import crypto from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import { importPenduduk } from "@/lib/data/import-penduduk";
import { importSasaran } from "@/lib/data/import-sasaran";
import { importValues } from "@/lib/data/import-values";
import { reestimateSasaran } from "@/lib/data/sasaran-estimasi";
import { ubahStatusLaporan } from "@/lib/data/verifikasi";
import { closePool, pool } from "@/lib/db/pool";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import type { ImportResult } from "@/lib/import/rows";
import { VALUES_COLUMNS } from "@/lib/import/values";
import { importInput } from "@/lib/import/xlsx";
import { INDIKATOR } from "@/lib/spm/catalog";
import { estimateSasaran, PARAMETER_DEFAULT } from "@/lib/spm/sasaran";
import { ADMIN, ANYAR, BANTEN, LEBONG, SERANG } from "./helpers";

// Imports on the seeded test database. Desa of Kabupaten Serang and years 2022–2024 keep clear of the demo data
// (Jan 2025..Jun 2026); only the locked-period test reads a demo report.
const D1 = "36.04.30.2001";
const D2 = "36.04.30.2002";
const D3 = "36.04.30.2003";
const BAROS = "36.04.22.2001";
const VALUES_HEADER = "kode_desa,tahun,bulan,indikator,nilai";

async function q<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await (await pool()).query<T>(sql, params)).rows;
}

/** Row counts and checksums of every table an import writes: equal before and after = nothing written. */
interface Snapshot {
  laporan: number;
  nilai: number;
  sasaran: number;
  penduduk: number;
  audit: number;
  laporan_sum: string | null;
  nilai_sum: string | null;
  sasaran_sum: string | null;
  penduduk_sum: string | null;
}

async function snapshot(): Promise<Snapshot> {
  const [r] = await q<Snapshot>(
    `SELECT (SELECT count(*) FROM laporan)::int AS laporan,
            (SELECT sum(hashtext(id::text || status || versi || coalesce(dikirim_at::text, '')))::text FROM laporan) AS laporan_sum,
            (SELECT count(*) FROM nilai)::int AS nilai,
            (SELECT sum(hashtext(laporan_id::text || indikator_kode || nilai || dihitung))::text FROM nilai) AS nilai_sum,
            (SELECT count(*) FROM sasaran)::int AS sasaran,
            (SELECT sum(hashtext(desa_kode || indikator_kode || tahun || jumlah || sumber))::text FROM sasaran) AS sasaran_sum,
            (SELECT count(*) FROM penduduk)::int AS penduduk,
            (SELECT sum(hashtext(desa_kode || tahun || kelompok || jumlah))::text FROM penduduk) AS penduduk_sum,
            (SELECT count(*) FROM audit_log)::int AS audit`,
  );
  return r;
}

function expectOk(r: ImportResult) {
  if (!r.ok) throw new Error(`import refused: ${JSON.stringify(r.errors.slice(0, 5))}`);
  return r;
}

function expectErrors(r: ImportResult) {
  if (r.ok) throw new Error("import accepted, expected errors");
  return r.errors;
}

const laporanOf = (desa: string, tahun: number, bulan: number) =>
  q<{ id: string; status: string; versi: number; dikirim_at: Date | null; terlambat: boolean; updated_by: string; puskesmas_kode: string; kecamatan_kode: string; kabupaten_kode: string; provinsi_kode: string }>(
    `SELECT * FROM laporan WHERE desa_kode = $1 AND tahun = $2 AND bulan = $3`,
    [desa, tahun, bulan],
  );

beforeAll(async () => {
  await pool();
});
afterAll(() => closePool());

describe("importValues", () => {
  const file = [VALUES_HEADER, `${D1},2022,1,SPM-01,5`, `${D1},2022,1,SPM-04,12`, `${D1},2022,2,SPM-01,3`, `${D2},2022,1,PM-DBD,0`].join("\r\n");

  it("creates DIKIRIM reports, values with wilayah codes and one audit row per value", async () => {
    const before = await snapshot();
    const r = expectOk(await importValues(ADMIN, file));
    // The form's warnings (not blocking): SPM-01 without a K1 visit breaks the pair rule (DOMAIN.md §7).
    const pair = MSG_LAPORAN.melebihiPasangan("SPM-01", "KIA-K1");
    expect(r).toMatchObject({ rows: 4, inserted: 4, updated: 0, unchanged: 0, warnings: [{ line: 2, column: "nilai", message: pair, value: "5" }, { line: 4, column: "nilai", message: pair, value: "3" }] });

    const [lap] = await laporanOf(D1, 2022, 1);
    expect(lap).toMatchObject({ status: "DIKIRIM", versi: 1, updated_by: ADMIN.email, puskesmas_kode: "P36043001", kecamatan_kode: "36.04.30", kabupaten_kode: "36.04", provinsi_kode: "36" });
    expect(lap.dikirim_at).not.toBeNull();
    // Deadline of January 2022: 10 February 2022 (Jakarta).
    expect(lap.terlambat).toBe(Date.now() >= Date.parse("2022-02-10T17:00:00Z"));

    const nilai = await q<{ indikator_kode: string; nilai: number; dihitung: boolean; desa_kode: string; puskesmas_kode: string; tahun: number; bulan: number }>(
      `SELECT indikator_kode, nilai, dihitung, desa_kode, puskesmas_kode, tahun, bulan FROM nilai WHERE laporan_id = $1 ORDER BY indikator_kode`,
      [lap.id],
    );
    expect(nilai).toEqual([
      { indikator_kode: "SPM-01", nilai: 5, dihitung: true, desa_kode: D1, puskesmas_kode: "P36043001", tahun: 2022, bulan: 1 },
      { indikator_kode: "SPM-04", nilai: 12, dihitung: true, desa_kode: D1, puskesmas_kode: "P36043001", tahun: 2022, bulan: 1 },
    ]);

    const audit = await q<{ aksi: string; entitas: string; kunci: string; lama: unknown; baru: unknown; sumber: string; user_email: string }>(
      `SELECT aksi, entitas, kunci, lama, baru, sumber, user_email FROM audit_log WHERE entitas = 'nilai' AND kunci LIKE '%/2022/%' ORDER BY kunci`,
    );
    expect(audit).toEqual([
      { aksi: "tambah", entitas: "nilai", kunci: `${D1}/2022/1/SPM-01`, lama: null, baru: 5, sumber: "import", user_email: ADMIN.email },
      { aksi: "tambah", entitas: "nilai", kunci: `${D1}/2022/1/SPM-04`, lama: null, baru: 12, sumber: "import", user_email: ADMIN.email },
      { aksi: "tambah", entitas: "nilai", kunci: `${D1}/2022/2/SPM-01`, lama: null, baru: 3, sumber: "import", user_email: ADMIN.email },
      { aksi: "tambah", entitas: "nilai", kunci: `${D2}/2022/1/PM-DBD`, lama: null, baru: 0, sumber: "import", user_email: ADMIN.email },
    ]);
    const after = await snapshot();
    // 4 values and 3 new reports (status null → DIKIRIM).
    expect([after.laporan - before.laporan, after.nilai - before.nilai, after.audit - before.audit]).toEqual([3, 4, 7]);
    const status = await q(`SELECT lama, baru, sumber FROM audit_log WHERE entitas = 'laporan' AND kunci = $1`, [`${D1}/2022/1`]);
    expect(status).toEqual([{ lama: null, baru: "DIKIRIM", sumber: "import" }]);
  });

  it("changes nothing when the same file is imported again (no versi bump, no audit)", async () => {
    const before = await snapshot();
    const r = expectOk(await importValues(ADMIN, file));
    expect(r).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(before);
  });

  it("reads the same file saved by Excel in Indonesian settings (`;`, CRLF) and as an XLSX: nothing changes", async () => {
    const before = await snapshot();
    expect(expectOk(await importValues(ADMIN, file.replaceAll(",", ";")))).toMatchObject({ rows: 4, unchanged: 4 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Nilai");
    for (const line of file.split("\r\n")) ws.addRow(line.split(",").map((v) => (/^\d+$/.test(v) ? Number(v) : v)));
    const read = await importInput(new Uint8Array(await wb.xlsx.writeBuffer()), VALUES_COLUMNS);
    if ("error" in read) throw new Error(read.error);
    expect(expectOk(await importValues(ADMIN, read.input))).toMatchObject({ rows: 4, unchanged: 4 });
    expect(await snapshot()).toEqual(before);
  });

  it("re-submits a report with a changed value: versi + 1, audited 'ubah' with old and new", async () => {
    const [untouched] = await laporanOf(D1, 2022, 2);
    const r = expectOk(await importValues(ADMIN, `${VALUES_HEADER}\n${D1},2022,1,SPM-01,6\n${D1},2022,2,SPM-01,3\n${D1},2022,1,SPM-05,1\n`));
    expect(r).toMatchObject({ rows: 3, inserted: 1, updated: 1, unchanged: 1 });
    expect((await laporanOf(D1, 2022, 1))[0]).toMatchObject({ status: "DIKIRIM", versi: 2 });
    expect((await laporanOf(D1, 2022, 2))[0]).toMatchObject({ status: "DIKIRIM", versi: untouched.versi });
    const audit = await q(`SELECT aksi, lama, baru FROM audit_log WHERE entitas = 'nilai' AND kunci = $1 ORDER BY id`, [`${D1}/2022/1/SPM-01`]);
    expect(audit).toEqual([
      { aksi: "tambah", lama: null, baru: 5 },
      { aksi: "ubah", lama: 5, baru: 6 },
    ]);
  });

  it("a dinkes or admin upload never submits a report still with the puskesmas (DRAFT, DIKEMBALIKAN): refused, nothing written", async () => {
    const [lap] = await laporanOf(D1, 2022, 1);
    for (const status of ["DRAFT", "DIKEMBALIKAN"]) {
      await q(`UPDATE laporan SET status = $2 WHERE id = $1`, [lap.id, status]);
      await q(`UPDATE nilai SET dihitung = false WHERE laporan_id = $1`, [lap.id]);
      const before = await snapshot();
      for (const who of [ADMIN, SERANG]) {
        const errors = expectErrors(await importValues(who, `${VALUES_HEADER}\n${D1},2022,1,SPM-01,6\n${D1},2022,2,SPM-01,3\n`, { pratinjau: who === SERANG }));
        expect(errors, `${who.role} ${status}`).toEqual([{ line: 2, column: "bulan", message: IMPORT_MSG.laporanDiPuskesmas, value: "1" }]);
      }
      expect(await snapshot()).toEqual(before);
    }
  });

  it("a dinkes upload is not verified by the same user (separation of duties); a colleague may", async () => {
    expectOk(await importValues(SERANG, `${VALUES_HEADER}\n${D2},2022,6,SPM-01,2\n${D2},2022,6,KIA-K1,2\n`));
    const [lap] = await laporanOf(D2, 2022, 6);
    expect(lap).toMatchObject({ status: "DIKIRIM", updated_by: SERANG.email });
    expect(await ubahStatusLaporan(SERANG, lap.id, "verifikasi", lap.versi, null)).toEqual({ ok: false, message: MSG_LAPORAN.verifikasiSendiri });
    const rekan = { ...SERANG, id: "00000000-0000-0000-0000-000000000099", email: "rekan.serang@test" };
    expect(await ubahStatusLaporan(rekan, lap.id, "verifikasi", lap.versi, null)).toEqual({ ok: true });
  });

  it("the puskesmas's own upload submits its DRAFT or DIKEMBALIKAN report even without a changed value, counting all its values", async () => {
    for (const status of ["DRAFT", "DIKEMBALIKAN"]) {
      const [lap] = await laporanOf(D1, 2022, 1);
      await q(`UPDATE laporan SET status = $2 WHERE id = $1`, [lap.id, status]);
      await q(`UPDATE nilai SET dihitung = false WHERE laporan_id = $1`, [lap.id]);
      const r = expectOk(await importValues(ANYAR, `${VALUES_HEADER}\n${D1},2022,1,SPM-01,6\n`));
      expect(r).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
      expect((await laporanOf(D1, 2022, 1))[0]).toMatchObject({ status: "DIKIRIM", versi: lap.versi + 1, updated_by: ANYAR.email });
      const [n] = await q<{ n: number; counted: number }>(`SELECT count(*)::int n, count(*) FILTER (WHERE dihitung)::int counted FROM nilai WHERE laporan_id = $1`, [lap.id]);
      expect(n.counted).toBe(n.n);
      expect(n.n).toBe(3);
      const [audit] = await q(`SELECT lama, baru, sumber FROM audit_log WHERE entitas = 'laporan' AND kunci = $1 ORDER BY id DESC LIMIT 1`, [`${D1}/2022/1`]);
      expect(audit).toEqual({ lama: status, baru: "DIKIRIM", sumber: "import" });
    }
  });

  it("refuses a locked period (a DIVERIFIKASI demo report) and writes nothing", async () => {
    const [locked] = await q<{ desa_kode: string; tahun: number; bulan: number }>(
      `SELECT desa_kode, tahun, bulan FROM laporan WHERE status = 'DIVERIFIKASI' AND kabupaten_kode = '36.04' ORDER BY desa_kode, tahun, bulan LIMIT 1`,
    );
    const before = await snapshot();
    const errors = expectErrors(
      await importValues(ADMIN, `${VALUES_HEADER}\n${D1},2022,3,SPM-01,1\n${locked.desa_kode},${locked.tahun},${locked.bulan},SPM-01,1\n`),
    );
    expect(errors).toEqual([{ line: 3, column: "bulan", message: IMPORT_MSG.periodeTerkunci, value: String(locked.bulan) }]);
    expect(await snapshot()).toEqual(before);
  });

  const valid = `${D2},2022,5,SPM-01,1`;
  const rejected: [string, string | Uint8Array, Partial<{ line: number | null; column: string | null; message: string }>][] = [
    ["a negative value", `${VALUES_HEADER}\n${valid}\n${D2},2022,5,SPM-02,-1\n`, { line: 3, column: "nilai", message: IMPORT_MSG.negatif }],
    ["a decimal value", `${VALUES_HEADER}\n${valid}\n${D2},2022,5,SPM-02,2.5\n`, { line: 3, column: "nilai", message: IMPORT_MSG.bukanBilanganBulat }],
    ["an unknown desa", `${VALUES_HEADER}\n${valid}\n36.04.30.9999,2022,5,SPM-02,2\n`, { line: 3, column: "kode_desa", message: IMPORT_MSG.desaTakDikenal }],
    ["an unknown indicator", `${VALUES_HEADER}\n${valid}\n${D2},2022,5,SPM-99,2\n`, { line: 3, column: "indikator", message: IMPORT_MSG.indikatorTakDikenal }],
    ["month 13", `${VALUES_HEADER}\n${valid}\n${D2},2022,13,SPM-02,2\n`, { line: 3, column: "bulan", message: IMPORT_MSG.bulanDiLuarRentang }],
    ["a duplicate row", `${VALUES_HEADER}\n${valid}\n${valid}\n`, { line: 3, column: null, message: IMPORT_MSG.duplikat(2) }],
    ["a missing column", `kode_desa,tahun,bulan,indikator\n${D2},2022,5,SPM-01\n`, { line: 1, column: "nilai" }],
    ["an empty file", "", { line: null, message: IMPORT_MSG.berkasKosong }],
    ["5 MB of random bytes", new Uint8Array(crypto.randomBytes(5 * 1024 * 1024)), { line: null, column: null }],
  ];

  it.each(rejected)("refuses %s with every error and writes nothing", async (_name, input, expected) => {
    const before = await snapshot();
    const errors = expectErrors(await importValues(ADMIN, input));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject(expected);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a desa outside a puskesmas user's scope and a role without the import permission", async () => {
    const before = await snapshot();
    const errors = expectErrors(await importValues(ANYAR, `${VALUES_HEADER}\n${valid}\n${BAROS},2022,5,SPM-01,1\n`));
    expect(errors).toEqual([{ line: 3, column: "kode_desa", message: IMPORT_MSG.desaDiLuarWilayah, value: BAROS }]);
    await expect(importValues(BANTEN, `${VALUES_HEADER}\n${valid}\n`)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });
});

describe("importSasaran and importPenduduk", () => {
  it("a puskesmas or provinsi user may not import sasaran or population, checked in the data layer; nothing written", async () => {
    const before = await snapshot();
    for (const who of [ANYAR, BANTEN]) {
      await expect(importSasaran(who, `kode_desa,tahun,indikator,sasaran\n${D1},2022,SPM-01,5\n`), who.role).rejects.toBeInstanceOf(ForbiddenError);
      await expect(importPenduduk(who, `kode_desa,tahun,kelompok,jumlah\n${D1},2022,total,5\n`), who.role).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot()).toEqual(before);
  });

  const penduduk = ["kode_desa,tahun,kelompok,jumlah", `${D3},2022,total,10000`, `${D3},2022,balita,900`, `${D3},2022,usia_15_plus,7000`].join("\n");
  const pend = { total: 10000, balita: 900, usia_15_plus: 7000 };

  it("sets a DITETAPKAN sasaran, audited, and re-importing changes nothing", async () => {
    const r = expectOk(await importSasaran(ADMIN, `kode_desa,tahun,indikator,sasaran\n${D3},2022,SPM-01,123\n${D3},2022,SPM-12,0\n`));
    expect(r).toMatchObject({ rows: 2, inserted: 2, updated: 0 });
    const rows = await q(`SELECT indikator_kode, jumlah, sumber, puskesmas_kode FROM sasaran WHERE desa_kode = $1 AND tahun = 2022 ORDER BY indikator_kode`, [D3]);
    expect(rows).toEqual([
      { indikator_kode: "SPM-01", jumlah: 123, sumber: "DITETAPKAN", puskesmas_kode: "P36043001" },
      { indikator_kode: "SPM-12", jumlah: 0, sumber: "DITETAPKAN", puskesmas_kode: "P36043001" },
    ]);
    const audit = await q(`SELECT aksi, lama, baru FROM audit_log WHERE entitas = 'sasaran' AND kunci = $1`, [`${D3}/2022/SPM-01`]);
    expect(audit).toEqual([{ aksi: "tambah", lama: null, baru: { jumlah: 123, sumber: "DITETAPKAN" } }]);

    const before = await snapshot();
    expect(expectOk(await importSasaran(ADMIN, `kode_desa,tahun,indikator,sasaran\n${D3},2022,SPM-01,123\n${D3},2022,SPM-12,0\n`))).toMatchObject({ unchanged: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a jumlah indicator in a sasaran file and writes nothing", async () => {
    const before = await snapshot();
    const errors = expectErrors(await importSasaran(ADMIN, `kode_desa,tahun,indikator,sasaran\n${D3},2022,SPM-02,5\n${D3},2022,KIA-KMB,5\n`));
    expect(errors).toEqual([{ line: 3, column: "indikator", message: IMPORT_MSG.indikatorTanpaSasaran, value: "KIA-KMB" }]);
    expect(await snapshot()).toEqual(before);
  });

  it("a penduduk import re-estimates the other indicators but never the DITETAPKAN one", async () => {
    const r = expectOk(await importPenduduk(ADMIN, penduduk));
    expect(r).toMatchObject({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    const est = estimateSasaran(pend, PARAMETER_DEFAULT);
    const rows = await q<{ indikator_kode: string; jumlah: number; sumber: string }>(
      `SELECT indikator_kode, jumlah, sumber FROM sasaran WHERE desa_kode = $1 AND tahun = 2022`,
      [D3],
    );
    const got = new Map(rows.map((x) => [x.indikator_kode, x]));
    for (const i of INDIKATOR) {
      if (i.basis === null) expect(got.has(i.kode)).toBe(false);
      else if (i.kode === "SPM-01") expect(got.get(i.kode)).toEqual({ indikator_kode: "SPM-01", jumlah: 123, sumber: "DITETAPKAN" });
      else if (i.kode === "SPM-12") expect(got.get(i.kode)).toMatchObject({ jumlah: 0, sumber: "DITETAPKAN" });
      else expect(got.get(i.kode), i.kode).toEqual({ indikator_kode: i.kode, jumlah: est[i.basis], sumber: "ESTIMASI" });
    }
    expect(r.ok && r.estimasi).toBe(INDIKATOR.filter((i) => i.basis !== null).length - 2);
    const audit = await q(`SELECT aksi, lama, baru FROM audit_log WHERE entitas = 'penduduk' AND kunci = $1`, [`${D3}/2022/total`]);
    expect(audit).toEqual([{ aksi: "tambah", lama: null, baru: 10000 }]);
  });

  it("re-importing the same penduduk file changes nothing", async () => {
    const before = await snapshot();
    expect(expectOk(await importPenduduk(ADMIN, penduduk))).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, estimasi: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("uses the kabupaten's parameters, else the national row, else the defaults", async () => {
    const sasaranOf = async (kode: string) =>
      (await q<{ jumlah: number }>(`SELECT jumlah FROM sasaran WHERE desa_kode = $1 AND tahun = 2022 AND indikator_kode = $2`, [D3, kode]))[0].jumlah;
    try {
      await q(`INSERT INTO parameter_estimasi (tahun, kabupaten_kode, nilai) VALUES (2022, '', $1), (2022, '36.04', $2)`, [
        JSON.stringify({ ...PARAMETER_DEFAULT, cbrPerMil: 18 }),
        JSON.stringify({ cbrPerMil: 20 }),
      ]);
      await reestimateSasaran(ADMIN, [{ desaKode: D3, tahun: 2022 }]);
      expect(await sasaranOf("SPM-02")).toBe(estimateSasaran(pend, { ...PARAMETER_DEFAULT, cbrPerMil: 20 }).ibu_bersalin);
      await q(`DELETE FROM parameter_estimasi WHERE tahun = 2022 AND kabupaten_kode = '36.04'`);
      await reestimateSasaran(ADMIN, [{ desaKode: D3, tahun: 2022 }]);
      expect(await sasaranOf("SPM-02")).toBe(estimateSasaran(pend, { ...PARAMETER_DEFAULT, cbrPerMil: 18 }).ibu_bersalin);
      expect(await sasaranOf("SPM-01")).toBe(123);
    } finally {
      await q(`DELETE FROM parameter_estimasi WHERE tahun = 2022`);
    }
    const { changed } = await reestimateSasaran(ADMIN, [{ desaKode: D3, tahun: 2022 }]);
    expect(changed).toBeGreaterThan(0);
    expect(await sasaranOf("SPM-02")).toBe(estimateSasaran(pend, PARAMETER_DEFAULT).ibu_bersalin);
    await expect(reestimateSasaran(LEBONG, [{ desaKode: D3, tahun: 2022 }])).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("warns (without refusing) for a monthly kumulatif value above the sasaran, with the form's message", async () => {
    const r = expectOk(await importValues(ADMIN, `${VALUES_HEADER}\n${D3},2022,3,SPM-01,124\n${D3},2022,3,SPM-02,1\n`));
    expect(r.warnings).toEqual([{ line: 2, column: "nilai", message: MSG_LAPORAN.nilaiMelebihiSasaran(123), value: "124" }]);
    const [n] = await q(`SELECT nilai, peringatan FROM nilai WHERE desa_kode = $1 AND tahun = 2022 AND bulan = 3 AND indikator_kode = 'SPM-01'`, [D3]);
    expect(n).toEqual({ nilai: 124, peringatan: MSG_LAPORAN.nilaiMelebihiSasaran(123) });
  });
});

describe("a 100,000-row values import", () => {
  it("imports every row of Serang desa × indicators × months, then re-imports as unchanged", async () => {
    const desa = (await q<{ kode: string }>(`SELECT kode FROM desa WHERE kabupaten_kode = '36.04' ORDER BY kode`)).map((d) => d.kode);
    // 326 desa × 25 indicators × 12 months of one year is 97,800: continue into the next year up to 100,000.
    const lines = [VALUES_HEADER];
    // Past years no other test file writes (the demo starts in 2025, spm-report.test.ts uses 2028; imports
    // refuse a month that has not begun).
    for (const tahun of [2023, 2024]) {
      for (let bulan = 1; bulan <= 12; bulan++) {
        for (const d of desa) for (const i of INDIKATOR) if (lines.length <= 100_000) lines.push(`${d},${tahun},${bulan},${i.kode},${(bulan * 7 + i.urutan) % 40}`);
      }
    }
    const file = new TextEncoder().encode(lines.join("\n"));
    const before = await snapshot();
    const phases = new Set<string>();
    const r = expectOk(await importValues(ADMIN, file, { onProgress: (phase) => phases.add(phase) }));
    expect(r).toMatchObject({ rows: 100_000, inserted: 100_000, updated: 0, unchanged: 0 });
    expect([...phases]).toEqual(Object.values(IMPORT_MSG.fase).filter((f) => f !== IMPORT_MSG.fase.estimasi));
    const after = await snapshot();
    expect(after.nilai - before.nilai).toBe(100_000);
    const reports = new Set(lines.slice(1).map((l) => l.split(",").slice(0, 3).join())).size;
    expect(after.laporan - before.laporan).toBe(reports);
    expect(after.audit - before.audit).toBe(100_000 + (after.laporan - before.laporan));
    const [counted] = await q<{ n: number }>(`SELECT count(*)::int n FROM nilai WHERE kabupaten_kode = '36.04' AND tahun IN (2023, 2024) AND dihitung`);
    expect(counted.n).toBe(100_000);

    expect(expectOk(await importValues(ADMIN, file))).toMatchObject({ inserted: 0, updated: 0, unchanged: 100_000 });
    expect(await snapshot()).toEqual(after);
  });
});
