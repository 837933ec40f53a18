import type { Figure } from "@/lib/spm/figure";
import type { Indikator } from "@/lib/spm/catalog";
import { formatAngka, formatPersen } from "@/lib/i18n/format";
import { PwsBadge } from "./pws-badge";
import { KelasBadge } from "./kelas-badge";

export function SpmCards({ items }: { items: { ind: Indikator; figure: Figure }[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Capaian layanan SPM">
      {items.map(({ ind, figure: f }) => (
        <li key={ind.kode} className="rounded border border-slate-200 bg-white p-3" data-testid={`kartu-${ind.kode}`}>
          <p className="text-xs text-slate-600">{ind.kode}</p>
          <h3 className="text-sm font-semibold leading-snug">{ind.nama}</h3>
          <p className="mt-1 text-2xl font-bold tabular-nums" data-testid="capaian">
            {formatPersen(f.capaian)}
          </p>
          <p className="text-sm text-slate-700 tabular-nums">
            {formatAngka(f.realisasi)} / {formatAngka(f.sasaran)} · target {formatPersen(f.target)}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <KelasBadge kelas={f.kelas} />
            <PwsBadge status={f.pws?.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}
