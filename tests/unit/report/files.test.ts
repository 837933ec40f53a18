import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { reportPdf } from "@/lib/report/pdf";
import { reportXlsx } from "@/lib/report/xlsx";
import { model } from "./fixture";

async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer); // exceljs types its input as ArrayBuffer; a Buffer is read the same
  return wb;
}

describe("XLSX export", () => {
  it("has Ringkasan, one sheet per level and Metodologi; numbers stay numbers with formats; totals row Σ/Σ", async () => {
    const wb = await workbook(await reportXlsx(model()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ringkasan", "Per Desa", "Metodologi"]);
    const ring = wb.getWorksheet("Ringkasan")!;
    expect(String(ring.getCell("A2").value)).toContain("Puskesmas Anyar");
    const spm01 = ring.getRow(8);
    expect(spm01.getCell(2).value).toBe("SPM-01");
    expect(spm01.getCell(7).value).toBe(23.33);
    expect(spm01.getCell(7).numFmt).toBe("0.00");
    expect(ring.views[0]).toMatchObject({ state: "frozen", ySplit: 7 });

    const desa = wb.getWorksheet("Per Desa")!;
    // Header rows 7–8, desa in rows 9 and 10, totals in row 11; SPM-01 takes columns C..F.
    expect(desa.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 8 });
    expect(desa.getRow(7).getCell(3).value).toBe("SPM-01 · Pelayanan kesehatan ibu hamil");
    expect(desa.getRow(8).getCell(5).value).toBe("Capaian %");
    expect(desa.getRow(9).getCell(1).value).toBe("36.04.30.2001");
    expect(desa.getRow(11).getCell(3).value).toBe(150);
    expect(desa.getRow(11).getCell(4).value).toBe(35);
    expect(desa.getRow(11).getCell(5).value).toBe(23.33);
    expect(desa.getRow(11).getCell(6).value).toBe(50);
    expect(desa.getRow(11).font?.bold).toBe(true);
    // SPM-02 of desa A: sasaran 0, capaian empty (not 0).
    expect(desa.getRow(9).getCell(7).value).toBe(0);
    expect(desa.getRow(9).getCell(9).value).toBeNull();
    // Capaian coloured against the target: 30 % < 50 % is behind (red), 150 % is over the sasaran (amber).
    expect((desa.getRow(9).getCell(5).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFEE2E2");
    expect((desa.getRow(9).getCell(3 + 6 * 4 + 2).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFEF3C7");

    const metode = wb.getWorksheet("Metodologi")!;
    const text: string[] = [];
    metode.eachRow((r) => r.eachCell((c) => text.push(String(c.value))));
    const all = text.join("\n");
    for (const s of ["R / S × 100", "T × m / 12", "Σ R / Σ S", "Indeks SPM", "setengah menjauhi nol", "DIKIRIM dan DIVERIFIKASI", "DITETAPKAN", "ESTIMASI", "ASUMSI"]) expect(all).toContain(s);
  });
});

describe("PDF export", () => {
  it("renders pages with the unit, a capaian figure and 'Halaman N dari M'", async () => {
    const pdf = await reportPdf(model());
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { totalPages, text } = await extractText(doc, { mergePages: true });
    expect(totalPages).toBe(3); // summary, chart, table
    expect(text).toContain("Puskesmas Anyar");
    expect(text).toContain("23,33");
    expect(text).toContain("Halaman 3 dari 3");
  });
});
