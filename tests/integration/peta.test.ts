import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { childFigures } from "@/lib/data/figures";
import { loadPeta, petaLaporan } from "@/lib/data/peta";
import { loadReport } from "@/lib/data/report";
import { getWilayah } from "@/lib/data/wilayah";
import { pool } from "@/lib/db/pool";
import { reportPdf } from "@/lib/report/pdf";
import { getIndikator } from "@/lib/spm/catalog";
import { ADMIN, ANYAR, SERANG } from "./helpers";

// The maps' data (lib/data/peta.ts) on the demo: Serang (36.04, 29 kecamatan, desa shapes shipped) and the
// PDF map page. Reads only.

const asRows = (rows: Awaited<ReturnType<typeof childFigures>>) => rows.map((r) => ({ ...r, lalu: null, kelengkapan: null, ketepatan: null }));
const kelasOf = (rows: Awaited<ReturnType<typeof childFigures>>, kode: string, ind: string) => rows.find((r) => r.kode === kode)!.figures.find((f) => f.indikator === ind)!.kelas;

describe("loadPeta", () => {
  it("a kabupaten maps its kecamatan with their own figures (lib/spm classes per kecamatan), or its desa", async () => {
    const node = await getWilayah(SERANG, "36.04");
    const ind = getIndikator("SPM-04")!;
    const puskesmasRows = asRows(await childFigures(SERANG, "36.04", 2026, 6));
    const peta = (await loadPeta(SERANG, node, ind, puskesmasRows, 2026, 6))!;
    expect([peta.level, peta.units.length, peta.tanpaBatas.length, peta.adaPetaDesa]).toEqual(["kecamatan", 29, 0, true]);
    const kecamatan = await childFigures(SERANG, "36.04", 2026, 6, "kecamatan");
    for (const u of peta.units) expect([u.kode, u.kelas]).toEqual([u.kode, kelasOf(kecamatan, u.kode, "SPM-04")]);
    const desa = (await loadPeta(SERANG, node, ind, puskesmasRows, 2026, 6, { desa: true }))!;
    expect([desa.level, desa.units.length, desa.tanpaBatas.length]).toEqual(["desa", 326, 0]);
  });

  it("a puskesmas maps its desa with the dashboard's classes, the other desa of its kecamatan grey", async () => {
    const node = await getWilayah(ANYAR, "P36043001");
    const rows = asRows(await childFigures(ANYAR, "P36043001", 2026, 6));
    const peta = (await loadPeta(ANYAR, node, getIndikator("SPM-01")!, rows, 2026, 6))!;
    const own = peta.units.filter((u) => u.kelas !== null);
    expect(own.map((u) => u.kode).sort()).toEqual(rows.map((r) => r.kode).sort());
    for (const u of own) expect(u.kelas).toBe(kelasOf(rows, u.kode, "SPM-01"));
    // Neighbours: exactly the desa of Anyar's kecamatan that Anyar does not serve (other tests may move one).
    const { rows: others } = await (await pool()).query<{ kode: string }>(
      `SELECT kode FROM desa WHERE kecamatan_kode = ANY($1) AND puskesmas_kode <> 'P36043001' ORDER BY kode`, [[...new Set(rows.map((r) => r.kode.slice(0, 8)))]]);
    expect(peta.units.filter((u) => u.kelas === null).map((u) => u.kode).sort()).toEqual(others.map((r) => r.kode));
  });

  it("the national map draws 38 provinsi; a desa has no map", async () => {
    const rows = asRows(await childFigures(ADMIN, "", 2026, 6));
    const peta = (await loadPeta(ADMIN, await getWilayah(ADMIN, ""), getIndikator("SPM-01")!, rows, 2026, 6))!;
    expect([peta.level, peta.units.length, peta.width]).toEqual(["provinsi", 38, 800]);
    expect(await loadPeta(ADMIN, await getWilayah(ADMIN, "36.04.30.2001"), getIndikator("SPM-01")!, [], 2026, 6)).toBeNull();
  });
});

describe("PDF map page", () => {
  it("adds one page with the map of the chart's indicator, classes from the report rows", async () => {
    const model = await loadReport(SERANG, { kode: "36.04", tahun: 2026, bulan: 6, detail: "anak", indikator: "spm" });
    const map = (await petaLaporan(SERANG, model, "SPM-02"))!;
    expect([map.ind.kode, map.peta.level, map.peta.units.length]).toEqual(["SPM-02", "kecamatan", 29]);
    const pages = async (pdf: Buffer) => extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const without = await pages(await reportPdf(model, "SPM-02"));
    const withMap = await pages(await reportPdf(model, "SPM-02", map));
    expect(withMap.totalPages).toBe(without.totalPages + 1);
    expect(withMap.text).toContain("Peta capaian SPM-02");
    expect(withMap.text).toContain("per kecamatan");
    expect(withMap.text).toContain("Sesuai target");
  });
});
