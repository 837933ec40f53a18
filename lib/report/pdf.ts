import PDFDocument from "pdfkit";
import { EKSPOR, LEVEL_LABEL } from "@/lib/i18n/ekspor";
import { formatAngka, formatPersenTabel, formatWaktu } from "@/lib/i18n/format";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { PETA, PETA_TINGKAT, URUTAN_LEGENDA, petaIsi } from "@/lib/i18n/peta";
import type { Peta } from "@/lib/geo/peta";
import type { Indikator } from "@/lib/spm/catalog";
import { periodeLabel, statusLayanan, wilayahLabel, type ReportCell, type ReportLevel, type ReportModel, type ReportRow } from "./rows";

// The PDF export (A4 landscape): the unit's summary, a bar chart of capaian per child unit against the
// target line for one indicator, the map of that indicator, and tables of capaian per unit (indicators split into blocks of at most
// 12 columns), with "Halaman N dari M" on every page. Text is placed at explicit positions without
// wrapping, so pdfkit never adds a page on its own.

type Doc = PDFKit.PDFDocument;

const M = 36;
const TOP = M + 42; // below the page header
const BOTTOM = 595.28 - M - 6; // above the footer
const WIDTH = 841.89 - 2 * M;
const COLOR = {
  teks: "#0f172a",
  redup: "#475569",
  garis: "#cbd5e1",
  zebra: "#f8fafc",
  kepala: "#e2e8f0",
  barUnit: "#334155",
  target: "#b91c1c",
};
const MAX_KOLOM = 12;

/** The standard PDF fonts encode WinAnsi only: spell out the few symbols outside it. */
function winAnsi(text: string): string {
  return text.replace(/≥/g, ">=").replace(/≤/g, "<=").replace(/Σ\s?/g, "jumlah ").replace(/→/g, "->").replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, "?");
}

function fit(doc: Doc, text: string, width: number): string {
  let t = winAnsi(text);
  if (doc.widthOfString(t) <= width) return t;
  while (t.length > 1 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

/** One line of text in a box of `width`, truncated to fit, never wrapped. */
function cell(doc: Doc, text: string, x: number, y: number, width: number, align: "left" | "right" | "center" = "left"): void {
  const t = fit(doc, text, width - 4);
  const w = doc.widthOfString(t);
  const dx = align === "left" ? 2 : align === "right" ? width - 2 - w : (width - w) / 2;
  doc.text(t, x + dx, y, { lineBreak: false });
}

function font(doc: Doc, bold: boolean, size: number, color = COLOR.teks): void {
  doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(size).fillColor(color);
}

/** The cell fill of the class lib/spm gave the figure (colours: lib/i18n/kelas.ts). */
function capaianColor(c: ReportCell): string | null {
  const isi = KELAS_TAMPILAN[c.kelas].isi;
  return isi === null ? null : `#${isi}`;
}

function newPage(doc: Doc, model: ReportModel, first = false): number {
  if (!first) doc.addPage();
  font(doc, true, 14);
  cell(doc, `${EKSPOR.judulLaporan} — ${model.wilayah.nama}`, M, M, WIDTH);
  font(doc, false, 9, COLOR.redup);
  cell(doc, `${wilayahLabel(model.wilayah)} · ${EKSPOR.periodeLabel}: ${periodeLabel(model)} · ${EKSPOR.dibuatLabel}: ${formatWaktu(model.dibuat)}`, M, M + 19, WIDTH);
  doc.moveTo(M, M + 33).lineTo(M + WIDTH, M + 33).lineWidth(0.5).strokeColor(COLOR.garis).stroke();
  return TOP;
}

function sectionTitle(doc: Doc, text: string, y: number): number {
  font(doc, true, 11);
  cell(doc, text, M, y, WIDTH);
  return y + 17;
}

function summary(doc: Doc, model: ReportModel, y0: number): void {
  let y = sectionTitle(doc, `${EKSPOR.ringkasan}: ${model.wilayah.nama}`, y0);
  const cols: [string, number, "left" | "right"][] = [
    [EKSPOR.kode, 62, "left"],
    [EKSPOR.layanan, 300, "left"],
    [EKSPOR.sasaran, 72, "right"],
    [EKSPOR.realisasi, 72, "right"],
    [EKSPOR.capaian, 62, "right"],
    [EKSPOR.target, 56, "right"],
    [EKSPOR.status, 146, "left"],
  ];
  const rowH = Math.min(15, (BOTTOM - y - 60) / (model.indikator.length + 1));
  doc.rect(M, y, WIDTH, rowH).fill(COLOR.kepala);
  font(doc, true, 8.5);
  let x = M;
  for (const [label, w, align] of cols) {
    cell(doc, label, x, y + (rowH - 8.5) / 2, w, align);
    x += w;
  }
  y += rowH;
  model.indikator.forEach((ind, i) => {
    const c = model.unit.cells[i];
    const jumlah = ind.jenis === "jumlah";
    const fillColor = capaianColor(c);
    if (fillColor) doc.rect(M + 62 + 300 + 72 + 72, y, 62, rowH).fill(fillColor);
    font(doc, false, 8.5);
    const values = [ind.kode, ind.nama, formatAngka(c.sasaran), formatAngka(c.realisasi), formatPersenTabel(c.capaian), jumlah ? "–" : formatPersenTabel(c.target), statusLayanan(ind, c)];
    x = M;
    cols.forEach(([, w, align], j) => {
      cell(doc, values[j], x, y + (rowH - 8.5) / 2, w, align);
      x += w;
    });
    doc.moveTo(M, y + rowH).lineTo(M + WIDTH, y + rowH).lineWidth(0.3).strokeColor(COLOR.garis).stroke();
    y += rowH;
  });
  y += 8;
  font(doc, true, 10);
  cell(doc, `${EKSPOR.indeksSpm}: ${formatAngka(model.unit.indeks)} % (${EKSPOR.jumlahLayanan(model.unit.jumlahLayanan)})`, M, y, WIDTH);
  font(doc, false, 8, COLOR.redup);
  cell(doc, EKSPOR.legenda, M, y + 16, WIDTH);
  if (model.levels.length === 0) cell(doc, EKSPOR.tidakAdaRincian, M, y + 28, WIDTH);
}

/** Horizontal bars of capaian per unit (ranked), the unit's own figure first, and the target line. */
function chart(doc: Doc, model: ReportModel, level: ReportLevel, grafik: string): void {
  const i = Math.max(0, model.indikator.findIndex((ind) => ind.kode === grafik && ind.jenis !== "jumlah"));
  const ind = model.indikator[i];
  const target = model.unit.cells[i].target;
  const bars: { row: ReportRow; unit: boolean }[] = [
    { row: { ...model.unit, nama: `${EKSPOR.jumlahBaris} ${model.wilayah.nama}` }, unit: true },
    ...[...level.rows].sort((a, b) => (b.cells[i].capaian ?? -1) - (a.cells[i].capaian ?? -1)).map((row) => ({ row, unit: false })),
  ];
  const maxC = Math.max(100, target, ...bars.map((b) => b.row.cells[i].capaian ?? 0));
  const axisMax = Math.min(200, Math.ceil(maxC / 20) * 20);
  const labelW = 170;
  const x0 = M + labelW;
  const x1 = M + WIDTH - 50;
  const xOf = (v: number) => x0 + (Math.min(v, axisMax) / axisMax) * (x1 - x0);
  const perPage = 38;
  for (let start = 0; start < bars.length; start += perPage) {
    const part = bars.slice(start, start + perPage);
    let y = newPage(doc, model);
    y = sectionTitle(doc, `${EKSPOR.grafikJudul(`${ind.kode} ${ind.nama}`, LEVEL_LABEL[level.tingkat])}${start > 0 ? ` ${EKSPOR.lanjutan}` : ""}`, y);
    const top = y + 14;
    const rowH = Math.min(18, (BOTTOM - top - 10) / perPage);
    const bottom = top + rowH * part.length;
    // Grid and axis labels every 20 %.
    font(doc, false, 7.5, COLOR.redup);
    for (let v = 0; v <= axisMax; v += 20) {
      doc.moveTo(xOf(v), top - 2).lineTo(xOf(v), bottom).lineWidth(0.3).strokeColor(COLOR.garis).stroke();
      cell(doc, `${v}`, xOf(v) - 15, bottom + 3, 30, "center");
    }
    part.forEach(({ row, unit }, k) => {
      const c = row.cells[i];
      const y1 = top + k * rowH;
      font(doc, unit, 8);
      cell(doc, row.nama, M, y1 + (rowH - 8) / 2, labelW - 6, "right");
      if (c.capaian === null) {
        font(doc, false, 7.5, COLOR.redup);
        cell(doc, EKSPOR.tidakAdaSasaran, x0, y1 + (rowH - 7.5) / 2, 150);
        return;
      }
      const color = unit ? COLOR.barUnit : `#${KELAS_TAMPILAN[c.kelas].batang}`;
      doc.rect(x0, y1 + rowH * 0.15, Math.max(0.5, xOf(c.capaian) - x0), rowH * 0.7).fill(color);
      font(doc, unit, 7.5);
      cell(doc, formatAngka(c.capaian), xOf(c.capaian) + 1, y1 + (rowH - 7.5) / 2, 48);
    });
    // The target line TL(m), dashed, labelled above the bars.
    doc.moveTo(xOf(target), top - 6).lineTo(xOf(target), bottom).dash(3, { space: 2 }).lineWidth(1.2).strokeColor(COLOR.target).stroke().undash();
    font(doc, true, 8, COLOR.target);
    cell(doc, EKSPOR.grafikTarget(formatAngka(target)), xOf(target) - 50, top - 14, 100, "center");
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const n = Math.ceil(items.length / size);
  const per = Math.ceil(items.length / Math.max(n, 1));
  return Array.from({ length: n }, (_, k) => items.slice(k * per, (k + 1) * per));
}

/** Tables of capaian (%) per unit, a block of at most 12 indicators at a time, headers repeated per page. */
/** The level's rows, a page at a time; yields to the event loop after each page (long reports do not hold the server). */
async function table(doc: Doc, model: ReportModel, level: ReportLevel): Promise<void> {
  const label = LEVEL_LABEL[level.tingkat];
  const blocks = chunks(model.indikator.map((ind, i) => ({ ind, i })), MAX_KOLOM);
  const rows: { row: ReportRow; total: boolean }[] = [
    ...level.rows.map((row) => ({ row, total: false })),
    { row: { ...level.total, nama: `${EKSPOR.jumlahBaris} ${model.wilayah.nama}` }, total: true },
  ];
  const rowH = 12;
  for (const [b, block] of blocks.entries()) {
    const withIndeks = b === 0;
    const kodeW = 64;
    const indeksW = withIndeks ? 54 : 0;
    const colW = Math.min(52, (WIDTH - kodeW - 150 - indeksW) / block.length);
    const namaW = WIDTH - kodeW - indeksW - colW * block.length;
    let r = 0;
    let page = 0;
    while (r < rows.length) {
      let y = newPage(doc, model);
      const first = block[0].ind.kode;
      const last = block[block.length - 1].ind.kode;
      y = sectionTitle(doc, `${EKSPOR.tabelJudul(label, first, last)}${page > 0 ? ` ${EKSPOR.lanjutan}` : ""}`, y);
      // Two header rows: indicator codes, then the target line (or "jumlah" for a count).
      doc.rect(M, y, WIDTH, 24).fill(COLOR.kepala);
      font(doc, true, 7.5);
      cell(doc, EKSPOR.kode, M, y + 8, kodeW);
      cell(doc, label, M + kodeW, y + 8, namaW);
      block.forEach(({ ind }, k) => cell(doc, ind.kode, M + kodeW + namaW + k * colW, y + 3, colW, "right"));
      if (withIndeks) cell(doc, EKSPOR.indeksSpm, M + WIDTH - indeksW, y + 8, indeksW, "right");
      font(doc, false, 6.5, COLOR.redup);
      block.forEach(({ ind, i }, k) =>
        cell(doc, ind.jenis === "jumlah" ? "jumlah" : `T ${formatAngka(model.unit.cells[i].target)}`, M + kodeW + namaW + k * colW, y + 14, colW, "right"),
      );
      y += 24;
      const fitRows = Math.floor((BOTTOM - y) / rowH);
      for (const { row, total } of rows.slice(r, r + fitRows)) {
        if (total) doc.moveTo(M, y).lineTo(M + WIDTH, y).lineWidth(0.8).strokeColor(COLOR.teks).stroke();
        else if (r % 2 === 1) doc.rect(M, y, WIDTH, rowH).fill(COLOR.zebra);
        block.forEach(({ i }, k) => {
          const color = capaianColor(row.cells[i]);
          if (color) doc.rect(M + kodeW + namaW + k * colW + 1, y + 0.5, colW - 2, rowH - 1).fill(color);
        });
        font(doc, total, 7.5);
        cell(doc, row.kode, M, y + 2.5, kodeW);
        cell(doc, row.nama, M + kodeW, y + 2.5, namaW);
        block.forEach(({ ind, i }, k) => {
          const c = row.cells[i];
          cell(doc, ind.jenis === "jumlah" ? formatAngka(c.realisasi) : formatPersenTabel(c.capaian), M + kodeW + namaW + k * colW, y + 2.5, colW, "right");
        });
        if (withIndeks) cell(doc, formatPersenTabel(row.indeks), M + WIDTH - indeksW, y + 2.5, indeksW, "right");
        y += rowH;
        r++;
      }
      page++;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

function footers(doc: Doc, model: ReportModel): void {
  const range = doc.bufferedPageRange();
  for (let p = 0; p < range.count; p++) {
    doc.switchToPage(range.start + p);
    font(doc, false, 8, COLOR.redup);
    const y = 595.28 - M + 12;
    cell(doc, `Pantau · ${EKSPOR.dibuatLabel}: ${formatWaktu(model.dibuat)}`, M, y, WIDTH / 2);
    cell(doc, EKSPOR.halaman(p + 1, range.count), M + WIDTH / 2, y, WIDTH / 2, "right");
  }
}

/** One page: the map of the chosen indicator (the dashboard's SVG paths, scaled), its legend and the units without a shape. */
function mapPage(doc: Doc, model: ReportModel, peta: Peta, ind: Indikator): void {
  let y = newPage(doc, model);
  y = sectionTitle(doc, PETA.judul(ind.kode, `${ind.nama} per ${PETA_TINGKAT[peta.level]}`), y);
  const legendH = 16 + (peta.tanpaBatas.length > 0 ? 14 : 0) + 12;
  const s = Math.min(WIDTH / peta.width, (BOTTOM - y - legendH) / peta.height);
  const x0 = M + (WIDTH - peta.width * s) / 2;
  doc.save().translate(x0, y).scale(s);
  for (const u of peta.units) doc.path(u.d).lineWidth(0.6 / s).fillColor(petaIsi(u.kelas)).strokeColor("#64748B").fillAndStroke("evenodd");
  doc.restore();
  y += peta.height * s + 6;
  font(doc, false, 8);
  let x = M;
  const legend: [string, string][] = URUTAN_LEGENDA.map((k) => [petaIsi(k), KELAS_TAMPILAN[k].label]); // the symbols are outside WinAnsi
  if (peta.units.some((u) => u.kelas === null)) legend.push([petaIsi(null), PETA.legendaLuar]);
  for (const [fill, label] of legend) {
    doc.rect(x, y, 9, 9).lineWidth(0.5).fillColor(fill).strokeColor("#64748B").fillAndStroke();
    font(doc, false, 8);
    const w = doc.widthOfString(winAnsi(label)) + 8;
    cell(doc, label, x + 10, y + 1, w);
    x += w + 18;
  }
  y += 14;
  font(doc, false, 8, COLOR.redup);
  if (peta.tanpaBatas.length > 0) {
    cell(doc, `${PETA.tanpaBatas} ${peta.tanpaBatas.map((u) => u.nama).join(", ")}`, M, y, WIDTH);
    y += 14;
  }
  cell(doc, PETA.sumber, M, y, WIDTH);
}

/**
 * The report as a PDF file; `grafik` is the indicator of the bar chart (default: the first one); `peta`, when
 * given, the map of that indicator (lib/data/peta.ts `petaLaporan`), drawn on its own page after the chart.
 */
export async function reportPdf(model: ReportModel, grafik = model.indikator[0].kode, peta?: { peta: Peta; ind: Indikator } | null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: M,
    bufferPages: true,
    info: { Title: `${EKSPOR.judulLaporan} ${model.wilayah.nama} ${periodeLabel(model)}`, Author: "Pantau", CreationDate: model.dibuat },
  });
  const parts: Buffer[] = [];
  doc.on("data", (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  summary(doc, model, newPage(doc, model, true));
  if (model.levels.length > 0) chart(doc, model, model.levels[0], grafik);
  if (peta) mapPage(doc, model, peta.peta, peta.ind);
  for (const level of model.levels) await table(doc, model, level);
  footers(doc, model);
  doc.end();
  await done;
  return Buffer.concat(parts);
}
