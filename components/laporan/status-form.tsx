"use client";

import { useActionState } from "react";
import { ubahStatusLaporanAction, type StatusFormState } from "@/lib/actions/ubah-status-laporan";

const INITIAL: StatusFormState = { ok: false, message: null };

/** Verify / return / reopen one report (dinkes kabupaten). A reason is required to return or reopen. */
export function StatusForm({ laporanId, versi, mode, label }: { laporanId: string; versi: number; mode: "antrean" | "terverifikasi"; label: string }) {
  const [state, action, pending] = useActionState(ubahStatusLaporanAction, INITIAL);
  if (state.ok) return <p role="status" className="text-xs text-emerald-800">{state.message}</p>;
  const id = `alasan-${laporanId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="laporanId" value={laporanId} />
      <input type="hidden" name="versi" value={versi} />
      <label htmlFor={id} className="sr-only">Alasan untuk {label}</label>
      <input id={id} name="alasan" placeholder="Alasan (bila dikembalikan)" className="w-44 rounded border border-slate-400 px-1 py-0.5 text-xs" />
      {mode === "antrean" ? (
        <>
          <button type="submit" name="aksi" value="verifikasi" disabled={pending} className="rounded bg-teal-800 px-2 py-0.5 text-xs text-white">Verifikasi</button>
          <button type="submit" name="aksi" value="kembalikan" disabled={pending} className="rounded border border-red-700 px-2 py-0.5 text-xs text-red-800">Kembalikan</button>
        </>
      ) : (
        <button type="submit" name="aksi" value="buka" disabled={pending} className="rounded border border-slate-600 px-2 py-0.5 text-xs">Buka kunci</button>
      )}
      <span role="status" className="text-xs text-red-700">{state.message}</span>
    </form>
  );
}
