"use client";

import { useActionState } from "react";
import { ubahSasaranDesaAction, type SasaranFormState } from "@/lib/actions/ubah-sasaran-desa";
import type { SasaranDesa } from "@/lib/data/sasaran-desa";
import { MSG_SASARAN } from "@/lib/i18n/sasaran";
import { AngkaField } from "./angka-field";

const INITIAL: SasaranFormState = { status: "idle", message: null, errors: {}, values: {} };

/** Population by age group and sasaran of a desa and year; editable by dinkes kabupaten, read-only otherwise. */
export function SasaranForm({ data, labels, bolehUbah }: { data: SasaranDesa; labels: Record<string, string>; bolehUbah: boolean }) {
  const [state, action, pending] = useActionState(ubahSasaranDesaAction, INITIAL);
  // After an error the form shows what was typed; after a save, the stored figures (the page is revalidated).
  const shown = (name: string, stored: number | null) => state.values[name] ?? (stored === null ? "" : String(stored));
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="desaKode" value={data.desa.kode} />
      <input type="hidden" name="tahun" value={data.tahun} />
      <div aria-live="polite" role="status" data-testid="pesan-sasaran">
        {state.message && <p className={`rounded border p-3 text-sm ${state.status === "ok" ? "border-emerald-300 bg-emerald-50" : "border-red-300 bg-red-50"}`}>{state.message}</p>}
      </div>
      <fieldset className="rounded border border-slate-200 bg-white p-3">
        <legend className="px-1 font-semibold">Penduduk {data.tahun}</legend>
        {Object.entries(data.penduduk).map(([k, v]) => (
          <AngkaField key={`${k}-${v}`} name={`penduduk.${k}`} label={labels[k] ?? k} value={shown(`penduduk.${k}`, v)} error={state.errors[`penduduk.${k}`]} readOnly={!bolehUbah} />
        ))}
      </fieldset>
      <fieldset className="rounded border border-slate-200 bg-white p-3">
        <legend className="px-1 font-semibold">Sasaran {data.tahun}</legend>
        <p className="text-xs text-slate-600">Angka yang diubah di sini menjadi sasaran yang ditetapkan (selalu dipakai, di atas estimasi).</p>
        {data.sasaran.map((s) => (
          <div key={`${s.kode}-${s.jumlah}-${s.sumber}`} className="border-t border-slate-100" data-testid={`sasaran-${s.kode}`}>
            <AngkaField
              name={`sasaran.${s.kode}`}
              label={`${s.nama} (${s.kode})${s.basisLabel ? ` — ${s.basisLabel}` : ""}`}
              value={shown(`sasaran.${s.kode}`, s.jumlah)}
              error={state.errors[`sasaran.${s.kode}`]}
              readOnly={!bolehUbah}
              hint={s.sumber ? MSG_SASARAN.sumber[s.sumber] : "Belum ada sasaran"}
            />
            {bolehUbah && s.sumber === "DITETAPKAN" && (
              <label className="flex items-center gap-2 pb-2 text-xs">
                <input type="checkbox" name="estimasi" value={s.kode} /> Kembalikan ke estimasi dari penduduk
              </label>
            )}
          </div>
        ))}
      </fieldset>
      {bolehUbah && (
        <button type="submit" disabled={pending} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
          Simpan perubahan
        </button>
      )}
    </form>
  );
}
