import { NAMA_BULAN } from "@/lib/i18n/format";

/** Year and month as URL parameters (a plain GET form: works without JavaScript, links can be shared). */
export function PeriodForm({ tahun, bulan, tahunPilihan, indikator, tetap = {} }: { tahun: number; bulan: number; tahunPilihan: number[]; indikator?: string; tetap?: Record<string, string> }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2 print:hidden" aria-label="Pilih periode">
      <label className="text-sm">
        <span className="block text-slate-600">Bulan</span>
        <select name="bulan" defaultValue={bulan} className="rounded border border-slate-400 bg-white px-2 py-1">
          {NAMA_BULAN.map((n, i) => (
            <option key={n} value={i + 1}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">Tahun</span>
        <select name="tahun" defaultValue={tahun} className="rounded border border-slate-400 bg-white px-2 py-1">
          {tahunPilihan.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {indikator && <input type="hidden" name="indikator" value={indikator} />}
      {Object.entries(tetap).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="rounded bg-teal-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-900">
        Tampilkan
      </button>
    </form>
  );
}
