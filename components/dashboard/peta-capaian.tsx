import type { Actor } from "@/lib/auth/actor";
import type { ChildRow } from "@/lib/data/dashboard";
import { loadPeta } from "@/lib/data/peta";
import type { WilayahNode } from "@/lib/data/wilayah";
import { formatPeriode, formatPersen } from "@/lib/i18n/format";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { PETA, PETA_TINGKAT, URUTAN_LEGENDA } from "@/lib/i18n/peta";
import type { Indikator } from "@/lib/spm/catalog";
import { wilayahHref } from "@/lib/wilayah/href";

/**
 * Choropleth of the units one level down for the chosen indicator, drawn on the server as SVG (no client
 * JavaScript). The <svg> is a `graphics-document` (WAI-ARIA Graphics) named "Peta capaian …": `role="img"`
 * would make its links invisible to assistive technology (axe: nested-interactive). each unit a link to its dashboard with a <title> (name, capaian, class), filled with the
 * heatmap's class colour (app/globals.css `.peta .hm-*`). Neighbours outside this dashboard are grey and
 * not links; units without a shape are named below.
 */
export async function PetaCapaian(props: {
  actor: Actor; node: WilayahNode; ind: Indikator; rows: ChildRow[]; tahun: number; bulan: number; query: string; desa: boolean;
}) {
  const { node, ind, query } = props;
  const peta = await loadPeta(props.actor, node, ind, props.rows, props.tahun, props.bulan, { desa: props.desa });
  if (!peta) return null;
  const q = `${query}&indikator=${ind.kode}`;
  if (peta.units.length === 0) {
    return (
      <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="peta">
        <h2 id="peta" className="text-lg font-semibold">{PETA.judul(ind.kode, ind.nama)}</h2>
        <p className="text-sm text-slate-600" data-testid="peta-kosong">{PETA.kosong(PETA_TINGKAT[peta.level])}</p>
      </section>
    );
  }
  const adaLuar = peta.units.some((u) => u.kelas === null);
  return (
    <section className="rounded border border-slate-200 bg-white p-4 print:break-inside-avoid" aria-labelledby="peta">
      <h2 id="peta" className="text-lg font-semibold">{PETA.judul(ind.kode, ind.nama)}</h2>
      {peta.adaPetaDesa && (
        <p className="text-sm print:hidden" data-testid="peta-tingkat">
          {PETA.tampilkan}{" "}
          {(["kecamatan", "desa"] as const).map((l, i) => (
            <span key={l}>
              {i > 0 && " · "}
              {peta.level === l ? <strong>{PETA_TINGKAT[l]}</strong> : <a href={wilayahHref(node, l === "desa" ? `${q}&peta=desa` : q)}>{PETA_TINGKAT[l]}</a>}
            </span>
          ))}
        </p>
      )}
      <ul className="my-2 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legenda">
        {URUTAN_LEGENDA.map((k) => (
          <li key={k} className="flex items-center gap-1">
            <svg width="14" height="14" aria-hidden className="peta shrink-0"><rect width="14" height="14" className={KELAS_TAMPILAN[k].heatmap} /></svg>
            {KELAS_TAMPILAN[k].simbol} {KELAS_TAMPILAN[k].label}
          </li>
        ))}
        {adaLuar && (
          <li className="flex items-center gap-1">
            <svg width="14" height="14" aria-hidden className="peta shrink-0"><rect width="14" height="14" className="luar" /></svg>
            {PETA.legendaLuar}
          </li>
        )}
      </ul>
      <svg
        viewBox={`0 0 ${peta.width} ${peta.height}`}
        role="graphics-document"
        aria-label={PETA.ariaLabel(ind.kode, ind.nama, PETA_TINGKAT[peta.level], node.nama, formatPeriode(props.tahun, props.bulan))}
        className="peta mx-auto h-auto w-full max-w-3xl"
        data-level={peta.level}
      >
        {peta.units.map((u) =>
          u.kelas === null ? (
            <path key={u.kode} d={u.d} className="luar" data-kode={u.kode}>
              <title>{PETA.luar(u.nama)}</title>
            </path>
          ) : (
            <a key={u.kode} href={wilayahHref(u, q)} data-kode={u.kode}>
              <title>{PETA.unit(u.nama, formatPersen(u.capaian), u.kelas)}</title>
              <path d={u.d} className={KELAS_TAMPILAN[u.kelas].heatmap} data-kelas={u.kelas} />
            </a>
          ),
        )}
      </svg>
      {peta.tanpaBatas.length > 0 && (
        <p className="mt-2 text-sm" data-testid="peta-tanpa-batas">
          {PETA.tanpaBatas} {peta.tanpaBatas.map((u) => u.nama).join(", ")}
        </p>
      )}
      <p className="mt-1 text-xs text-slate-500">{PETA.sumber}</p>
    </section>
  );
}
