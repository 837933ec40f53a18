import type { KelasCapaian } from "@/lib/spm/kelas";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { el, type Markup } from "@/lib/html/markup";

/** The class of a figure (decided by lib/spm), by symbol and words as well as colour. */
export function KelasBadge({ kelas }: { kelas: KelasCapaian }) {
  const t = KELAS_TAMPILAN[kelas];
  return (
    <span className={badgeClass(kelas)} data-kelas={kelas}>
      {t.simbol} {t.label}
    </span>
  );
}

const badgeClass = (kelas: KelasCapaian) => `rounded px-1.5 py-0.5 text-xs font-medium ${KELAS_TAMPILAN[kelas].lencana}`;

/** The same badge as markup, for rows built by lib/html/markup.ts. */
export function kelasBadgeMarkup(kelas: KelasCapaian): Markup {
  const t = KELAS_TAMPILAN[kelas];
  return el("span", { class: badgeClass(kelas), "data-kelas": kelas }, `${t.simbol} ${t.label}`);
}
