import { EKSPOR } from "@/lib/i18n/ekspor";
import { NAMA_BULAN } from "@/lib/i18n/format";

export interface EksporFormValues {
  wilayah: string;
  tahun: number;
  /** "" = the full year. */
  bulan: string;
  detail: string;
  indikator: string;
}

const FIELD = "rounded border border-slate-400 bg-white px-2 py-1";

/** The report choice as URL parameters: a plain GET form (works without JavaScript, links can be shared). */
export function EksporForm({ values, tahunPilihan, wilayahPilihan, errors }: { values: EksporFormValues; tahunPilihan: number[]; wilayahPilihan: { kode: string; nama: string }[]; errors: Record<string, string> }) {
  const error = (name: string) =>
    errors[name] ? (
      <span id={`${name}-error`} className="block text-xs text-red-800" aria-live="polite">
        {errors[name]}
      </span>
    ) : null;
  return (
    <form method="get" className="grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-start" aria-label={EKSPOR.judulHalaman}>
      <label className="text-sm sm:col-span-2">
        <span className="block text-slate-600">{EKSPOR.wilayah}</span>
        <input
          name="wilayah"
          defaultValue={values.wilayah}
          list="wilayah-pilihan"
          className={`${FIELD} w-full`}
          aria-describedby="wilayah-bantuan wilayah-error"
          aria-invalid={errors.wilayah ? true : undefined}
          autoComplete="off"
        />
        <datalist id="wilayah-pilihan">
          {wilayahPilihan.map((w) => (
            <option key={w.kode} value={w.kode}>
              {w.nama}
            </option>
          ))}
        </datalist>
        <span id="wilayah-bantuan" className="block text-xs text-slate-600">
          {EKSPOR.wilayahBantuan}
        </span>
        {error("wilayah")}
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">{EKSPOR.tahun}</span>
        <select name="tahun" defaultValue={values.tahun} className={`${FIELD} w-full`} aria-describedby="tahun-error">
          {tahunPilihan.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        {error("tahun")}
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">{EKSPOR.bulan}</span>
        <select name="bulan" defaultValue={values.bulan} className={`${FIELD} w-full`} aria-describedby="bulan-error">
          <option value="">{EKSPOR.setahun}</option>
          {NAMA_BULAN.map((n, i) => (
            <option key={n} value={i + 1}>
              {n}
            </option>
          ))}
        </select>
        {error("bulan")}
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">{EKSPOR.detail}</span>
        <select name="detail" defaultValue={values.detail} className={`${FIELD} w-full`} aria-describedby="detail-error">
          <option value="anak">{EKSPOR.detailAnak}</option>
          <option value="desa">{EKSPOR.detailDesa}</option>
        </select>
        {error("detail")}
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">{EKSPOR.indikator}</span>
        <select name="indikator" defaultValue={values.indikator} className={`${FIELD} w-full`} aria-describedby="indikator-error">
          <option value="spm">{EKSPOR.indikatorSpm}</option>
          <option value="semua">{EKSPOR.indikatorSemua}</option>
        </select>
        {error("indikator")}
      </label>
      <div className="sm:col-span-2 lg:col-span-6">
        <button type="submit" className="rounded bg-teal-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-teal-900">
          {EKSPOR.tampilkan}
        </button>
      </div>
    </form>
  );
}
