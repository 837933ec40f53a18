import type { KelasCapaian } from "@/lib/spm/kelas";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";

/** The class of a figure (decided by lib/spm), by symbol and words as well as colour. */
export function KelasBadge({ kelas }: { kelas: KelasCapaian }) {
  const t = KELAS_TAMPILAN[kelas];
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${t.lencana}`} data-kelas={kelas}>
      {t.simbol} {t.label}
    </span>
  );
}
