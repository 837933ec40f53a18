import { Link } from "@/components/ui/link";
import type { ChildRow } from "@/lib/data/dashboard";
import { INDIKATOR } from "@/lib/spm/catalog";
import { formatPersen } from "@/lib/i18n/format";
import { wilayahHref } from "@/lib/wilayah/href";

/** Children with status JELEK on any SPM service (for quick action), then completeness and timeliness. */
export function ChildStatus({ rows, query }: { rows: ChildRow[]; query: string }) {
  const spm = INDIKATOR.filter((i) => i.spm);
  const jelek = rows
    .map((r) => ({ r, kodes: spm.filter((i) => r.figures.find((f) => f.indikator === i.kode)?.pws?.status === "JELEK").map((i) => i.kode) }))
    .filter((x) => x.kodes.length > 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="jelek">
        <h2 id="jelek" className="text-lg font-semibold">Perlu tindakan (status JELEK)</h2>
        {jelek.length === 0 ? (
          <p className="text-sm">Tidak ada wilayah berstatus jelek pada bulan ini.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="daftar-jelek">
            {jelek.map(({ r, kodes }) => (
              <li key={r.kode}>
                <Link href={wilayahHref(r, query)}>{r.nama}</Link>: <span className="text-xs">{kodes.join(", ")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="kelengkapan">
        <h2 id="kelengkapan" className="text-lg font-semibold">Kelengkapan dan ketepatan laporan</h2>
        <div className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-label="Tabel kelengkapan dan ketepatan">
          <table className="w-full text-sm tabular-nums">
            <thead className="text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1">Wilayah</th>
                <th scope="col" className="py-1 text-right">Kelengkapan</th>
                <th scope="col" className="py-1 text-right">Ketepatan</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.kode} className="border-t border-slate-100">
                  <th scope="row" className="py-0.5 text-left font-normal">{r.nama}</th>
                  <td className="py-0.5 text-right">{formatPersen(r.kelengkapan)}</td>
                  <td className="py-0.5 text-right">{formatPersen(r.ketepatan)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
