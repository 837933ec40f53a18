import { Link } from "@/components/ui/link";
import type { WilayahRef } from "@/lib/data/wilayah";
import { TINGKAT_LABEL } from "@/lib/i18n/messages";
import { wilayahHref } from "@/lib/wilayah/href";

export function ChildList({ title, items }: { title: string; items: WilayahRef[] }) {
  if (items.length === 0) return null;
  return (
    <section className="rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-2 text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-600">({items.length.toLocaleString("id-ID")})</span>
      </h2>
      <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((w) => (
          <li key={w.kode}>
            <Link href={wilayahHref(w)}>{w.nama}</Link>{" "}
            <span className="text-xs text-slate-500">
              {TINGKAT_LABEL[w.tingkat]} · {w.kode}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
