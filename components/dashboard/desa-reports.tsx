import type { StatusBulan } from "@/lib/data/kelengkapan";
import { DASHBOARD, STATUS_LAPORAN_LABEL } from "@/lib/i18n/dashboard";
import { BULAN_SINGKAT } from "@/lib/i18n/format";

export function DesaReports({ statuses, tahun }: { statuses: StatusBulan[]; tahun: number }) {
  return (
    <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="status-laporan">
      <h2 id="status-laporan" className="text-lg font-semibold">Status laporan {tahun}</h2>
      <ul className="mt-2 grid grid-cols-3 gap-1 text-xs sm:grid-cols-6 lg:grid-cols-12">
        {statuses.map((s) => (
          <li key={s.bulan} className="rounded border border-slate-200 p-1 text-center" title={s.alasan ?? undefined}>
            <span className="block font-semibold">{BULAN_SINGKAT[s.bulan - 1]}</span>
            {s.status ? STATUS_LAPORAN_LABEL[s.status] : DASHBOARD.belumDiisi}
            {s.terlambat && <span className="block text-amber-800">terlambat</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
