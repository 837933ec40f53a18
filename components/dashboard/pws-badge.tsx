import type { StatusPws } from "@/lib/spm/pws";
import { STATUS_PWS_LABEL } from "@/lib/i18n/dashboard";
import { el, type Markup } from "@/lib/html/markup";

const STYLE: Record<StatusPws, string> = {
  BAIK: "bg-emerald-100 text-emerald-900",
  CUKUP: "bg-sky-100 text-sky-900",
  KURANG: "bg-amber-100 text-amber-900",
  JELEK: "bg-red-100 text-red-900",
};

const NONE = "text-slate-500";
const badgeClass = (status: StatusPws) => `rounded px-1.5 py-0.5 text-xs font-semibold ${STYLE[status]}`;

export function PwsBadge({ status }: { status: StatusPws | null | undefined }) {
  if (!status) return <span className={NONE}>–</span>;
  return <span className={badgeClass(status)}>{STATUS_PWS_LABEL[status]}</span>;
}

/** The same badge as markup, for rows built by lib/html/markup.ts. */
export function pwsBadgeMarkup(status: StatusPws | null | undefined): Markup {
  return status ? el("span", { class: badgeClass(status) }, STATUS_PWS_LABEL[status]) : el("span", { class: NONE }, "–");
}
