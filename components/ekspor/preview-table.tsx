import { EKSPOR, LEVEL_LABEL } from "@/lib/i18n/ekspor";
import { formatAngka } from "@/lib/i18n/format";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { detailRows, type ReportCell, type ReportModel, type ReportRow } from "@/lib/report/rows";

export const PREVIEW_ROWS = 50;

/** The class lib/spm gave the figure, as a cell colour (lib/i18n/kelas.ts). */
function cellClass(c: ReportCell): string {
  return KELAS_TAMPILAN[c.kelas].sel;
}

/** The first rows of the report (capaian % per indicator; counts for jumlah indicators), from the same model as the files. */
export function PreviewTable({ model }: { model: ReportModel }) {
  const level = model.levels.at(-1);
  const rows = detailRows(model);
  const shown = rows.slice(0, PREVIEW_ROWS);
  const row = (r: ReportRow, unit: boolean) => (
    <tr key={`${unit ? "u" : "r"}-${r.kode}`} className={unit ? "border-b-2 border-slate-300 font-semibold" : "border-t border-slate-100"}>
      <td className="px-2 py-0.5 whitespace-nowrap">{r.kode || "—"}</td>
      <th scope="row" className={`px-2 py-0.5 text-left whitespace-nowrap ${unit ? "font-semibold" : "font-normal"}`}>
        {r.nama}
      </th>
      {r.cells.map((c, i) => (
        <td key={c.indikator} className={`px-2 py-0.5 text-right ${cellClass(c)}`}>
          {formatAngka(model.indikator[i].jenis === "jumlah" ? c.realisasi : c.capaian)}
        </td>
      ))}
      <td className="px-2 py-0.5 text-right">{formatAngka(r.indeks)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="pratinjau" className="space-y-2">
      <h2 id="pratinjau" className="text-lg font-semibold">
        {EKSPOR.pratinjau}: {EKSPOR.capaian}
        {level && ` per ${LEVEL_LABEL[level.tingkat]}`}
      </h2>
      <p className="text-sm text-slate-600" data-testid="pratinjau-catatan">
        {level ? EKSPOR.pratinjauCatatan(shown.length, rows.length) : EKSPOR.tidakAdaRincian}
      </p>
      <p className="text-xs text-slate-600">{EKSPOR.legenda}</p>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white" tabIndex={0} role="region" aria-labelledby="pratinjau">
        <table className="w-full text-sm tabular-nums" data-testid="pratinjau">
          <thead className="bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-1 text-left">{EKSPOR.kode}</th>
              <th scope="col" className="px-2 py-1 text-left">{EKSPOR.nama}</th>
              {model.indikator.map((ind, i) => (
                <th scope="col" key={ind.kode} className="px-2 py-1 text-right whitespace-nowrap" title={ind.nama}>
                  {ind.kode}
                  <span className="block font-normal">{ind.jenis === "jumlah" ? "jumlah" : `T ${formatAngka(model.unit.cells[i].target)}`}</span>
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-right">{EKSPOR.indeksSpm}</th>
            </tr>
          </thead>
          <tbody>
            {row(model.unit, true)}
            {shown.map((r) => row(r, false))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
