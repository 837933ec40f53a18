import type { StatusPws } from "@/lib/spm/pws";
import { STATUS_PWS_LABEL } from "@/lib/i18n/dashboard";

const STYLE: Record<StatusPws, string> = {
  BAIK: "bg-emerald-100 text-emerald-900",
  CUKUP: "bg-sky-100 text-sky-900",
  KURANG: "bg-amber-100 text-amber-900",
  JELEK: "bg-red-100 text-red-900",
};

export function PwsBadge({ status }: { status: StatusPws | null | undefined }) {
  if (!status) return <span className="text-slate-500">–</span>;
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STYLE[status]}`}>{STATUS_PWS_LABEL[status]}</span>;
}
