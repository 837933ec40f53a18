import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { EKSPOR, LEVEL_LABEL, METODOLOGI } from "@/lib/i18n/ekspor";
import { formatWaktu } from "@/lib/i18n/format";
import { PARAMETER_DEFAULT } from "@/lib/spm/parameter";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { xlsxCell } from "./csv-field";
import { periodeLabel, statusLayanan, TotalAccumulator, wilayahLabel, type ReportCell, type ReportModel, type ReportRow, type StreamedLevel, type UnitTingkat } from "./rows";

// The XLSX export: "Ringkasan" (the unit, one row per indicator), one sheet per detail level (a row per
// unit, four columns per indicator, a totals row) and "Metodologi". Numbers stay numbers; only the cell
// format rounds their display. Text from the database goes through xlsxCell (./csv-field: formula injection). Capaian cells are coloured against the target line by a fill.
// Written with exceljs' streaming writer: rows are committed (rendered and zipped) as they are made, and
// the work yields to the event loop every few hundred rows, so a provinsi at desa level streams to the
// browser (its download progress shows) without holding other users' requests. The desa level of a
// provinsi or of the nation comes in parts (a kabupaten at a time, lib/data/report loadReportParts) and is
// written as it comes, its totals row summed on the way: memory stays that of one kabupaten.

const FORMAT = { jumlah: "#,##0", persen: "0.00" };
const FILL = { kepala: "FFE2E8F0", jumlah: "FFF1F5F9" };
const HEADER_ROWS = 5; // title, wilayah, periode, dibuat, legend
const ROWS_PER_YIELD = 200;
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Printing: A4 landscape; `fitToWidth` 1 for the narrow sheets, the wide ones repeat their header rows and columns. */
const A4 = { paperSize: 9, orientation: "landscape", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } } as const;

function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** The ARGB fill of the class lib/spm gave the figure (colours: lib/i18n/kelas.ts). */
function capaianFill(c: ReportCell): string | null {
  const isi = KELAS_TAMPILAN[c.kelas].isi;
  return isi === null ? null : `FF${isi}`;
}

function writeHeader(ws: ExcelJS.Worksheet, model: ReportModel, title: string): void {
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `${EKSPOR.wilayahLabel}: ${wilayahLabel(model.wilayah)}`;
  ws.getCell("A3").value = `${EKSPOR.periodeLabel}: ${periodeLabel(model)}`;
  ws.getCell("A4").value = `${EKSPOR.dibuatLabel}: ${formatWaktu(model.dibuat)}`;
  ws.getCell("A5").value = EKSPOR.legenda;
  ws.getCell("A5").font = { italic: true, size: 9, color: { argb: "FF475569" } };
}

function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = fill(FILL.kepala);
    cell.border = { bottom: { style: "thin", color: { argb: "FF94A3B8" } } };
  });
}

function summarySheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet(EKSPOR.ringkasan, {
    views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROWS + 2 }],
    pageSetup: { ...A4, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  writeHeader(ws, model, `${EKSPOR.judulLaporan} — ${model.wilayah.nama}`);
  ws.columns = [{ width: 5 }, { width: 11 }, { width: 19 }, { width: 52 }, { width: 12 }, { width: 12 }, { width: 11 }, { width: 10 }, { width: 34 }];
  const head = ws.getRow(HEADER_ROWS + 2);
  head.values = ["No", EKSPOR.kode, EKSPOR.subKegiatan, EKSPOR.layanan, EKSPOR.sasaran, EKSPOR.realisasi, EKSPOR.capaian, EKSPOR.target, EKSPOR.status];
  styleHeaderRow(head);
  model.indikator.forEach((ind, i) => {
    const c = model.unit.cells[i];
    const jumlah = ind.jenis === "jumlah";
    const row = ws.addRow([i + 1, ind.kode, ind.subKegiatan, ind.nama, c.sasaran, c.realisasi, c.capaian, jumlah ? null : c.target, statusLayanan(ind, c)].map(xlsxCell));
    row.getCell(5).numFmt = FORMAT.jumlah;
    row.getCell(6).numFmt = FORMAT.jumlah;
    row.getCell(7).numFmt = FORMAT.persen;
    row.getCell(8).numFmt = FORMAT.persen;
    const f = capaianFill(c);
    if (f) row.getCell(7).fill = fill(f);
  });
  ws.addRow([]);
  const indeks = ws.addRow([null, null, null, EKSPOR.indeksSpm, null, null, model.unit.indeks, null, EKSPOR.jumlahLayanan(model.unit.jumlahLayanan)]);
  indeks.font = { bold: true };
  indeks.getCell(7).numFmt = FORMAT.persen;
  ws.commit();
}

function writeDataRow(ws: ExcelJS.Worksheet, model: ReportModel, r: ReportRow, total: boolean): void {
  // Names come from the database (wilayah, puskesmas): neutralised against formula injection.
  const values: (string | number | null)[] = [xlsxCell(r.kode), xlsxCell(r.nama)];
  model.indikator.forEach((ind, i) => {
    const c = r.cells[i];
    values.push(c.sasaran, c.realisasi, c.capaian, ind.jenis === "jumlah" ? null : c.target);
  });
  values.push(r.indeks);
  const row = ws.addRow(values);
  model.indikator.forEach((_, i) => {
    const col = 3 + i * 4;
    row.getCell(col).numFmt = FORMAT.jumlah;
    row.getCell(col + 1).numFmt = FORMAT.jumlah;
    row.getCell(col + 2).numFmt = FORMAT.persen;
    row.getCell(col + 3).numFmt = FORMAT.persen;
    const f = capaianFill(r.cells[i]);
    if (f) row.getCell(col + 2).fill = fill(f);
  });
  row.getCell(values.length).numFmt = FORMAT.persen;
  if (total) {
    row.font = { bold: true };
    row.getCell(1).fill = fill(FILL.jumlah);
    row.getCell(2).fill = fill(FILL.jumlah);
    row.eachCell((cell) => {
      cell.border = { top: { style: "thin" } };
    });
  }
  row.commit();
}

/** A level's rows in parts (a single part when the level is whole) and its totals row, known after the last part. */
interface LevelSource {
  tingkat: UnitTingkat;
  parts: AsyncIterable<ReportRow[]> | Iterable<ReportRow[]>;
  total: () => ReportRow;
}

async function levelSheet(wb: ExcelJS.Workbook, model: ReportModel, level: LevelSource): Promise<void> {
  const label = LEVEL_LABEL[level.tingkat];
  const head1 = HEADER_ROWS + 2;
  const ws = wb.addWorksheet(`Per ${label}`, {
    views: [{ state: "frozen", xSplit: 2, ySplit: head1 + 1 }],
    pageSetup: { ...A4, printTitlesRow: `${head1}:${head1 + 1}`, printTitlesColumn: "A:B" },
  });
  writeHeader(ws, model, `${EKSPOR.judulLaporan} per ${label} — ${model.wilayah.nama}`);
  const lastCol = 3 + model.indikator.length * 4;
  ws.columns = [
    { width: level.tingkat === "desa" ? 16 : 12 },
    { width: 30 },
    ...model.indikator.flatMap(() => [{ width: 11 }, { width: 11 }, { width: 10 }, { width: 9 }]),
    { width: 11 },
  ];
  // Two header rows: the indicator (merged over its four columns), then Sasaran | Realisasi | Capaian | Target.
  const r1 = ws.getRow(head1);
  const r2 = ws.getRow(head1 + 1);
  r1.getCell(1).value = EKSPOR.kode;
  r1.getCell(2).value = label;
  r1.getCell(lastCol).value = EKSPOR.indeksSpm;
  model.indikator.forEach((ind, i) => {
    const col = 3 + i * 4;
    r1.getCell(col).value = `${ind.kode} · ${ind.nama}`;
    r2.getCell(col).value = EKSPOR.sasaran;
    r2.getCell(col + 1).value = EKSPOR.realisasi;
    r2.getCell(col + 2).value = EKSPOR.capaian;
    r2.getCell(col + 3).value = EKSPOR.target;
    ws.mergeCells(head1, col, head1, col + 3);
  });
  ws.mergeCells(head1, 1, head1 + 1, 1);
  ws.mergeCells(head1, 2, head1 + 1, 2);
  ws.mergeCells(head1, lastCol, head1 + 1, lastCol);
  r1.height = 45;
  styleHeaderRow(r1);
  styleHeaderRow(r2);
  ws.autoFilter = { from: { row: head1 + 1, column: 1 }, to: { row: head1 + 1, column: lastCol } };
  let i = 0;
  for await (const part of level.parts) {
    for (const r of part) {
      writeDataRow(ws, model, r, false);
      if (i++ % ROWS_PER_YIELD === ROWS_PER_YIELD - 1) await yieldNow();
    }
  }
  writeDataRow(ws, model, { ...level.total(), nama: `${EKSPOR.jumlahBaris} ${model.wilayah.nama}` }, true);
  ws.commit();
}

function methodologySheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const ws = wb.addWorksheet(EKSPOR.metodologi, { pageSetup: { ...A4, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  writeHeader(ws, model, METODOLOGI.judul);
  ws.columns = [{ width: 40 }, { width: 12 }, { width: 95 }];
  // Wrapped text gets an explicit height (≈ 90 characters a line in column C): not every viewer autofits rows.
  const explain = (nama: string, isi: string) => {
    const row = ws.addRow([nama, null, isi]);
    row.alignment = { vertical: "top", wrapText: true };
    row.getCell(1).font = { bold: true };
    row.height = 15 * Math.max(1, Math.ceil(isi.length / 90));
  };
  ws.addRow([]);
  for (const [nama, isi] of METODOLOGI.rumus) explain(nama, isi);
  ws.addRow([]);
  ws.addRow([METODOLOGI.sumberJudul]).font = { bold: true, size: 12 };
  for (const [nama, isi] of METODOLOGI.sumber) explain(nama, isi);
  if (model.sumberSasaran) ws.addRow([METODOLOGI.sumberHitungan(model.sumberSasaran.ditetapkan, model.sumberSasaran.estimasi)]);
  ws.addRow([]);
  ws.addRow([METODOLOGI.parameterJudul]).font = { bold: true, size: 12 };
  styleHeaderRow(ws.addRow([...METODOLOGI.parameterKolom]));
  for (const [nama, nilai, jenis, rumus] of METODOLOGI.parameter(PARAMETER_DEFAULT)) {
    const row = ws.addRow([nama, nilai, rumus]);
    row.getCell(2).numFmt = jenis === "proporsi" ? "0.00##%" : jenis === "permil" ? '0.0 "‰"' : "0.00";
    row.alignment = { vertical: "top", wrapText: true };
  }
  ws.commit();
}

/** The streamed level as a sheet source: its parts, each row added to the totals as it passes. */
function streamedSource(model: ReportModel, detail: StreamedLevel): LevelSource {
  const acc = new TotalAccumulator(model.indikator);
  return {
    tingkat: detail.tingkat,
    parts: (async function* () {
      for await (const part of detail.parts()) {
        for (const r of part) acc.add(r);
        yield part;
      }
    })(),
    total: () => acc.row(model.bulan, model.wilayah),
  };
}

/** Writes the workbook into `out` as it is made; errors destroy the stream. */
function writeXlsx(model: ReportModel, detail: StreamedLevel | null): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "Pantau";
  wb.created = model.dibuat;
  wb.title = `${EKSPOR.judulLaporan} ${model.wilayah.nama} ${periodeLabel(model)}`;
  (async () => {
    summarySheet(wb, model);
    for (const level of model.levels) await levelSheet(wb, model, { tingkat: level.tingkat, parts: [level.rows], total: () => level.total });
    if (detail) await levelSheet(wb, model, streamedSource(model, detail));
    methodologySheet(wb, model);
    await wb.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/** The workbook as an .xlsx byte stream for a download, written while it is read (`detail`: the last level, in parts). */
export function reportXlsxStream(model: ReportModel, detail: StreamedLevel | null = null): ReadableStream<Uint8Array> {
  return Readable.toWeb(writeXlsx(model, detail)) as ReadableStream<Uint8Array>;
}

/** The workbook as an .xlsx file in memory (tests, the CLI). */
export async function reportXlsx(model: ReportModel, detail: StreamedLevel | null = null): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of writeXlsx(model, detail)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
