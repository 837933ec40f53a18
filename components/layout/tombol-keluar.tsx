"use client";

import { useRef, useState, type FormEvent } from "react";
import { keluar } from "@/lib/actions/keluar";
import { LURING } from "@/lib/i18n/luring";

// The phone's store is loaded when "Keluar" is pressed, not with every page.
const store = () => import("@/lib/offline/store");

/**
 * "Keluar" (issue 16): before the session ends, this phone's data of the user goes — the offline package,
 * the service worker's caches and the outbox. Entries not yet sent are named first, and discarded only
 * when the user confirms.
 */
export function TombolKeluar({ userId }: { userId: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [belum, setBelum] = useState(0);
  const siap = useRef(false);

  async function keluarDariPonsel() {
    await store().then((s) => s.hapusDataPengguna(userId)).catch(() => undefined);
    siap.current = true; // the next submit goes through to the server action
    form.current?.requestSubmit();
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    if (siap.current) return;
    e.preventDefault();
    const n = (await store().then((s) => s.daftarAntrean(userId)).catch(() => [])).length;
    if (n > 0) setBelum(n);
    else await keluarDariPonsel();
  }

  return (
    <form ref={form} action={keluar} onSubmit={onSubmit} className="relative">
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
        Keluar
      </button>
      {belum > 0 && (
        <div role="alertdialog" aria-labelledby="keluar-peringatan" className="fixed inset-x-4 top-16 z-10 rounded border border-red-300 bg-white p-3 shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-auto sm:mt-2 sm:w-72" data-testid="keluar-peringatan">
          <p id="keluar-peringatan" className="text-sm">{LURING.keluarPeringatan(belum)}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className="rounded bg-red-700 px-3 py-1 text-white" onClick={() => void keluarDariPonsel()}>{LURING.keluarHapus}</button>
            <button type="button" className="rounded border border-slate-300 px-3 py-1" onClick={() => setBelum(0)}>{LURING.batal}</button>
          </div>
        </div>
      )}
    </form>
  );
}
