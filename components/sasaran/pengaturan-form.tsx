"use client";

import { useActionState } from "react";
import { simpanPengaturanAction, type PengaturanFormState } from "@/lib/actions/simpan-pengaturan";
import { PARAMETER_LABEL } from "@/lib/i18n/sasaran";
import { AngkaField } from "./angka-field";

const INITIAL: PengaturanFormState = { status: "idle", message: null, errors: {}, values: {} };

/** A kabupaten's report deadline day and the year's sasaran estimation parameters. */
export function PengaturanForm({ kabupatenKode, tahun, awal }: { kabupatenKode: string; tahun: number; awal: Record<string, string> }) {
  const [state, action, pending] = useActionState(simpanPengaturanAction, INITIAL);
  const shown = (name: string) => state.values[name] ?? awal[name] ?? "";
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="kabupatenKode" value={kabupatenKode} />
      <input type="hidden" name="tahun" value={tahun} />
      <div aria-live="polite" role="status" data-testid="pesan-pengaturan">
        {state.message && <p className={`rounded border p-3 text-sm ${state.status === "ok" ? "border-emerald-300 bg-emerald-50" : "border-red-300 bg-red-50"}`}>{state.message}</p>}
      </div>
      <fieldset className="rounded border border-slate-200 bg-white p-3">
        <legend className="px-1 font-semibold">Batas kirim laporan bulanan</legend>
        <AngkaField name="hariBatas" label="Tanggal batas di bulan berikutnya (1–31)" value={shown("hariBatas")} error={state.errors.hariBatas} readOnly={false} hint="Laporan setelah tanggal ini tetap diterima, ditandai terlambat." />
      </fieldset>
      <fieldset className="rounded border border-slate-200 bg-white p-3">
        <legend className="px-1 font-semibold">Parameter estimasi sasaran {tahun}</legend>
        <p className="text-xs text-slate-600">Pecahan ditulis dengan koma atau titik (0,085 = 8,5 %). Mengubahnya menghitung ulang sasaran estimasi semua desa kabupaten ini; sasaran yang ditetapkan tidak berubah.</p>
        {Object.entries(PARAMETER_LABEL).map(([name, label]) => (
          <AngkaField key={name} name={name} label={label} value={shown(name)} error={state.errors[name]} readOnly={false} inputMode="decimal" />
        ))}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Simpan pengaturan
      </button>
    </form>
  );
}
