import type { Figure } from "@/lib/spm/figure";
import { DASHBOARD } from "@/lib/i18n/dashboard";

/** On track / behind, by symbol and words as well as colour. */
export function TrackBadge({ figure }: { figure: Pick<Figure, "onTrack" | "sasaran"> }) {
  if (figure.onTrack === null)
    return <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{DASHBOARD.tidakAdaSasaran}</span>;
  return figure.onTrack ? (
    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">✓ {DASHBOARD.sesuaiTarget}</span>
  ) : (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">▼ {DASHBOARD.diBawahTarget}</span>
  );
}
