"use client";

import { useState } from "react";
import { formatAngka, formatPeriode, formatWaktu } from "@/lib/i18n/format";
import { LURING } from "@/lib/i18n/luring";
import { konfirmasiPeringatan, pilihPonsel, type EntriAntrean } from "@/lib/offline/antrean";
import { baku, gabung } from "@/lib/offline/gabung";
import { hapusEntri, kabarkanAntrean, tulisEntri } from "@/lib/offline/store";
import { INDIKATOR } from "@/lib/spm/catalog";
import { useAntrean } from "./use-antrean";

/** The outbox of this phone: what waits, when it was typed, conflicts side by side, "Kirim sekarang". */
export function AntreanPanel({ userId }: { userId: string }) {
  const { entri, kirim, ringkasan } = useAntrean(userId);
  const [sibuk, setSibuk] = useState(false);

  async function ganti(e: EntriAntrean, baru: EntriAntrean | null) {
    if (baru) await tulisEntri(baru);
    else await hapusEntri(e.id);
    kabarkanAntrean();
    if (baru && navigator.onLine) await kirim();
  }

  return (
    <section className="space-y-3 rounded border border-slate-200 bg-white p-3" aria-labelledby="judul-antrean" data-testid="antrean">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="judul-antrean" className="text-lg font-semibold">{LURING.judulAntrean}</h2>
        <button
          type="button"
          disabled={sibuk || !entri?.length}
          onClick={async () => {
            setSibuk(true);
            await kirim().finally(() => setSibuk(false));
          }}
          className="rounded bg-teal-800 px-4 py-2 font-semibold text-white disabled:opacity-60"
        >
          {sibuk ? LURING.mengirim : LURING.kirimSekarang}
        </button>
      </div>
      <div aria-live="polite" role="status" data-testid="pesan-antrean" className="text-sm">
        {ringkasan?.perluMasuk && (
          <p className="rounded border border-red-300 bg-red-50 p-2">
            {LURING.perluMasuk} <a href="/login">Masuk</a>
          </p>
        )}
        {ringkasan && ringkasan.terkirim > 0 && <p className="rounded border border-emerald-300 bg-emerald-50 p-2">{LURING.terkirimSemua(ringkasan.terkirim)}</p>}
      </div>
      {entri && entri.length === 0 && <p className="text-sm text-slate-700" data-testid="antrean-kosong">{LURING.antreanKosong}</p>}
      <ul className="space-y-3">
        {entri?.map((e) => (
          <li key={e.id} className="rounded border border-slate-200 p-2 text-sm" data-testid={`entri-${e.desaKode}`}>
            <p className="font-semibold">
              {e.desaNama} · {formatPeriode(e.tahun, e.bulan)} <span className="font-normal text-slate-600">({e.aksi === "kirim" ? LURING.aksiKirim : LURING.aksiDraf})</span>
            </p>
            <p className="text-xs text-slate-600">
              {LURING.diketik} {formatWaktu(new Date(e.diketikAt))}
            </p>
            <p className="mt-1" data-testid={`status-entri-${e.desaKode}`}>
              {e.status === "menunggu" && (e.cobaLagiAt ? LURING.cobaLagi(formatWaktu(new Date(e.cobaLagiAt))) : LURING.menunggu)}
              {e.status === "konflik" && <span className="font-semibold text-red-800">{e.server?.status === "DIVERIFIKASI" ? LURING.terkunci : LURING.konflik}</span>}
              {e.status === "ditolak" && <span className="text-red-800">{LURING.ditolak}: {e.pesan}</span>}
            </p>
            {e.status === "konflik" && e.server && <Banding entri={e} />}
            {e.status === "ditolak" && e.peringatan && (
              <ul className="mt-1 list-disc pl-5 text-xs text-amber-900">
                {Object.entries(e.peringatan).map(([k, m]) => <li key={k}>{k}: {m}</li>)}
              </ul>
            )}
            <div className="mt-2 flex flex-wrap gap-2">
              {e.status === "konflik" && e.server?.status !== "DIVERIFIKASI" && (
                <button type="button" className="rounded bg-teal-800 px-3 py-1 text-white" onClick={() => ganti(e, pilihPonsel(e))}>{LURING.pakaiPonsel}</button>
              )}
              {e.status === "konflik" && (
                <button type="button" className="rounded border border-teal-800 px-3 py-1 text-teal-900" onClick={() => ganti(e, null)}>{LURING.pakaiServer}</button>
              )}
              {e.status === "ditolak" && e.peringatan && Object.keys(e.peringatan).length > 0 && (
                <button type="button" className="rounded bg-teal-800 px-3 py-1 text-white" onClick={() => ganti(e, konfirmasiPeringatan(e))}>{LURING.tetapKirim}</button>
              )}
              {e.status === "ditolak" && (
                <button type="button" className="rounded border border-red-700 px-3 py-1 text-red-800" onClick={() => window.confirm(LURING.yakinHapusEntri) && ganti(e, null)}>{LURING.hapusEntri}</button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The indicators the phone changed: its value, the server's now and the value before (the entry's `dasar`). */
function Banding({ entri }: { entri: EntriAntrean }) {
  const server = entri.server!.nilai;
  const { diubah, beda, hanyaServer } = gabung(entri, entri.server!);
  const { dasar } = entri;
  const angka = (v: string | number | undefined) => (baku(v) === null ? "–" : formatAngka(Number(baku(v))));
  return (
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={LURING.konflik}>
      <p className="text-xs text-slate-600" data-testid={`banding-info-${entri.desaKode}`}>
        {dasar ? LURING.diubahPonsel(diubah.length, beda.length) : LURING.tanpaDasar}
        {hanyaServer.length > 0 && ` ${LURING.hanyaServer(hanyaServer.length)}`}
      </p>
      <table className="w-full text-xs" data-testid={`banding-${entri.desaKode}`}>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-2 py-1">Indikator</th>
            <th scope="col" className="px-2 py-1 text-right">{LURING.kolomPonsel}</th>
            <th scope="col" className="px-2 py-1 text-right">{LURING.kolomServer}</th>
            {dasar && <th scope="col" className="px-2 py-1 text-right">{LURING.kolomDasar}</th>}
          </tr>
        </thead>
        <tbody>
          {diubah.map((k) => (
            <tr key={k} className={`border-t border-slate-100 ${beda.includes(k) ? "bg-amber-50 font-semibold" : ""}`}>
              <th scope="row" className="px-2 py-1 text-left font-normal">{INDIKATOR.find((i) => i.kode === k)?.nama ?? k} ({k})</th>
              <td className="px-2 py-1 text-right tabular-nums" data-testid={`ponsel-${entri.desaKode}-${k}`}>{angka(entri.nilai[k])}</td>
              <td className="px-2 py-1 text-right tabular-nums" data-testid={`server-${entri.desaKode}-${k}`}>{angka(server[k])}</td>
              {dasar && <td className="px-2 py-1 text-right tabular-nums text-slate-600" data-testid={`dasar-${entri.desaKode}-${k}`}>{angka(dasar[k])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
