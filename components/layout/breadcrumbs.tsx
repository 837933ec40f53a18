import { Link } from "@/components/ui/link";
import type { WilayahRef } from "@/lib/data/wilayah";
import { wilayahHref } from "@/lib/wilayah/href";

export function Breadcrumbs({ trail, current, query, openable }: { trail: WilayahRef[]; current: string; query?: string; openable?: ReadonlySet<string> }) {
  return (
    <nav aria-label="Jejak wilayah" className="text-sm text-slate-600">
      <ol className="flex flex-wrap gap-1">
        {trail.map((w) => (
          <li key={w.tingkat + w.kode} className="after:ml-1 after:content-['›']">
            {!openable || openable.has(w.kode) ? <Link href={wilayahHref(w, query)}>{w.nama}</Link> : <span>{w.nama}</span>}
          </li>
        ))}
        <li aria-current="page" className="font-medium text-slate-900">
          {current}
        </li>
      </ol>
    </nav>
  );
}
