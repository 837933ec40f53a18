"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { simpanLaporanAction, type LaporanFormState } from "@/lib/actions/simpan-laporan";
import { formatAngka, formatPersen } from "@/lib/i18n/format";
import { KELAS_TAMPILAN } from "@/lib/i18n/kelas";
import { LURING } from "@/lib/i18n/luring";
import type { KelompokForm } from "@/lib/laporan/kelompok";
import type { KonteksValidasi } from "@/lib/laporan/validasi";
import { idEntri, simpanEntri } from "@/lib/offline/antrean";
import { dasarForm } from "@/lib/offline/gabung";
import { periksaLuring } from "@/lib/offline/periksa";
import { bacaEntri, kabarkanAntrean, tulisEntri } from "@/lib/offline/store";
import { formDataToLaporan } from "@/lib/schemas/laporan";
import { capaian, realisasiBerjalan } from "@/lib/spm/capaian";
import { kelasCapaian } from "@/lib/spm/kelas";
import { FormMessage } from "@/components/ui/form-message";
import { KonfirmasiPeringatan } from "./konfirmasi-peringatan";

/** Saving on the phone when there is no signal (issue 16): the entry goes to the outbox of this user. */
export interface LuringProps {
  userId: string;
  desaNama: string;
  konteks: KonteksValidasi;
  /** The report's status when the page or package was made (a submitted report cannot go back to draft). */
  status: string | null;
  /** The page is the offline shell: always save on the phone. Else only while the browser is offline. */
  selalu?: boolean;
  /** The report's values at `versi` (the offline shell: the package's); else the values the form started from. */
  dasar?: Record<string, string>;
}

export interface LaporanFormProps {
  desaKode: string;
  tahun: number;
  bulan: number;
  versi: number;
  /** The report's status as the page shows it (null: no report yet). */
  status: string | null;
  terkunci: boolean;
  kelompok: KelompokForm[];
  nilaiAwal: Record<string, string>;
  luring?: LuringProps;
}

const INITIAL: LaporanFormState = { status: "idle", message: null, errors: {}, warnings: {}, values: {}, versi: null, statusLaporan: null };

/** The monthly form: works as a plain form post; with JavaScript it shows realisasi and capaian live. */
export function LaporanForm(props: LaporanFormProps) {
  // Without JavaScript the form posts to the server action itself (`serverAction`). With JavaScript the
  // save goes through `kirim`, which also answers when the server does not (a connection that drops
  // while the phone still believes it is online): what was typed stays in the form and, for a puskesmas
  // user, goes to this phone's outbox.
  const [serverState, serverAction, serverPending] = useActionState(simpanLaporanAction, INITIAL);
  const [clientState, kirim, clientPending] = useActionState(async (prev: LaporanFormState, form: FormData): Promise<LaporanFormState> => {
    try {
      return await simpanLaporanAction(prev, form);
    } catch {
      const diPonsel = props.luring && (await simpanDiPonsel(form, props.luring, dasarForm(prev, props.nilaiAwal), LURING.tersimpanTakTersambung).catch(() => null));
      return diPonsel || { ...prev, status: "error", message: LURING.takTersambung, errors: {}, warnings: {}, values: formDataToLaporan(form).nilai };
    }
  }, INITIAL);
  const state = clientState !== INITIAL ? clientState : serverState;
  const pending = serverPending || clientPending;
  const typedAfter = (s: LaporanFormState) => (s.status === "idle" || s.status === "ok" ? {} : s.values);
  // Without JavaScript the page is rendered again with the action's state: start from what was typed.
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...props.nilaiAwal, ...typedAfter(state) }));
  // The state of a save on the phone (checked here with the server's own schema and rules).
  const [lokal, setLokal] = useState<LaporanFormState | null>(null);
  // The newest version this form has heard of, and the values a conflict showed: a later refusal (warnings
  // to confirm, an error) carries neither, and the confirmed resend must be based on the conflict's version
  // (before, it went back to the page's and met the same conflict again, round after round).
  const [versiTerakhir, setVersiTerakhir] = useState(state.versi ?? -1);
  const [terkini, setTerkini] = useState<Record<string, number> | undefined>(state.status === "conflict" ? state.terkini : undefined);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setLokal(null);
    setValues((old) => ({ ...old, ...typedAfter(state) }));
    if (state.versi !== null) setVersiTerakhir((v) => Math.max(v, state.versi!));
    if (state.status === "conflict") setTerkini(state.terkini);
    else if (state.status === "ok") setTerkini(undefined);
  }
  const st = lokal ?? state;
  // Every answer (server, phone, no connection) shows at the top of a long form, and the buttons are at its
  // end: bring it into view once drawn (before, the browser's scroll anchoring pushed it back out of view).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (st !== INITIAL) formRef.current?.querySelector('[data-testid="pesan-form"]')?.scrollIntoView({ block: "start" });
  }, [st]);
  const versi = Math.max(state.versi ?? -1, versiTerakhir, props.versi);
  // A sent report is changed with "Kirim" only (the server refuses a draft of it): no draft button then.
  const terkirim = (state.statusLaporan ?? props.status) === "DIKIRIM";
  const shown = values;
  const adaPeringatan = Object.keys(st.warnings).length > 0 && st.status !== "ok";

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(e.currentTarget, submitter);
    const luring = props.luring;
    if (luring && (luring.selalu || !navigator.onLine)) {
      setLokal(await simpanDiPonsel(form, luring, dasarForm(state, props.nilaiAwal), LURING.tersimpanDiPonsel));
      return;
    }
    startTransition(() => kirim(form));
  }

  return (
    <form ref={formRef} action={serverAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="desaKode" value={props.desaKode} />
      <input type="hidden" name="tahun" value={props.tahun} />
      <input type="hidden" name="bulan" value={props.bulan} />
      <input type="hidden" name="versi" value={versi} />
      <FormMessage testId="pesan-form" ok={st.status === "ok"} message={st.message}>
        {st.luring && (
          <p className="mt-1 text-sm">
            {/* A full navigation: without signal the service worker answers it with the entry shell. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/laporan/antrean">{LURING.lihatAntrean}</a>
          </p>
        )}
      </FormMessage>
      {props.kelompok.map((k) => (
        <fieldset key={k.kode} className="rounded border border-slate-200 bg-white p-3" disabled={props.terkunci}>
          <legend className="px-1 font-semibold">
            {k.kode} · {k.nama}
          </legend>
          <div className="divide-y divide-slate-100">
            {k.indikator.map((ind) => {
              const id = `nilai-${ind.kode}`;
              const text = shown[ind.kode] ?? "";
              const diisi = /^\d+$/.test(text.trim()) && Number.isSafeInteger(Number(text.trim()));
              const v = diisi ? Number(text.trim()) : 0;
              // Realisasi and class from lib/spm (the bulanan/kumulatif rule and the on-track test live there).
              const r = realisasiBerjalan(ind.jenis, ind.sebelum, v);
              // Data as the dashboards see it (adaNilai): this month for bulanan, January..this month otherwise.
              const adaData = diisi || (ind.jenis !== "bulanan" && ind.adaSebelum);
              const kelas = KELAS_TAMPILAN[kelasCapaian(ind, { realisasi: r, sasaran: ind.sasaran, bulan: props.bulan, adaData })];
              const err = st.errors[ind.kode];
              const warn = st.warnings[ind.kode];
              return (
                <div key={ind.kode} className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-[1fr_8rem_14rem] sm:items-center">
                  <label htmlFor={id} className="text-sm">
                    {ind.nama} <span className="text-xs text-slate-500">({ind.kode})</span>
                  </label>
                  <input
                    id={id}
                    name={`nilai.${ind.kode}`}
                    inputMode="numeric"
                    autoComplete="off"
                    value={text}
                    onChange={(e) => setValues((old) => ({ ...old, [ind.kode]: e.target.value }))}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={`${id}-info${err || warn ? ` ${id}-pesan` : ""}`}
                    className={`w-full rounded border px-2 py-1 text-right tabular-nums ${err ? "border-red-600" : warn ? "border-amber-500" : "border-slate-400"}`}
                  />
                  <p id={`${id}-info`} className="text-xs text-slate-600 tabular-nums" data-testid={`info-${ind.kode}`}>
                    {ind.jenis === "jumlah" ? "jumlah kasus" : `${ind.jenis === "bulanan" ? "bulan ini" : "kumulatif"} ${formatAngka(r)} / sasaran ${formatAngka(ind.sasaran)} = ${formatPersen(capaian(r, ind.sasaran))} · ${kelas.simbol} ${kelas.label}`}
                  </p>
                  {terkini && (terkini[ind.kode] ?? null) !== (diisi ? v : null) && (
                    <p className="text-xs text-sky-900 sm:col-span-3" data-testid={`terkini-${ind.kode}`}>
                      Tersimpan sekarang (diubah di tempat lain): {formatAngka(terkini[ind.kode] ?? null)}
                    </p>
                  )}
                  {(err || warn) && (
                    <p id={`${id}-pesan`} className={`text-xs sm:col-span-3 ${err ? "text-red-700" : "text-amber-800"}`} role={err ? "alert" : undefined}>
                      {err ?? `Peringatan: ${warn}`}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      {adaPeringatan && (
        <KonfirmasiPeringatan />
      )}
      {!props.terkunci && (
        <div className="flex flex-wrap gap-2">
          {!terkirim && (
            <button type="submit" name="aksi" value="draf" disabled={pending} className="rounded border border-teal-800 px-4 py-2 font-semibold text-teal-900 disabled:opacity-60">
              Simpan draf
            </button>
          )}
          <button type="submit" name="aksi" value="kirim" disabled={pending} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
            Kirim laporan
          </button>
        </div>
      )}
    </form>
  );
}

/** Checks an entry with the server's rules and puts it in this phone's outbox; the state to show. */
async function simpanDiPonsel(form: FormData, luring: LuringProps, dasar: Record<string, string>, message: string): Promise<LaporanFormState> {
  const base = { values: formDataToLaporan(form).nilai, versi: null, statusLaporan: null };
  const p = periksaLuring(form, luring.konteks, luring.status);
  if (!p.ok) return { ...base, status: "error", message: p.message, errors: p.errors, warnings: p.warnings };
  const lama = await bacaEntri(idEntri(luring.userId, p.input.desaKode, p.input.tahun, p.input.bulan));
  await tulisEntri(simpanEntri(lama ?? undefined, { ...p.input, userId: luring.userId, desaNama: luring.desaNama, dasar: luring.dasar ?? dasar }, new Date()));
  kabarkanAntrean();
  return { ...base, status: "ok", message, errors: {}, warnings: p.warnings, luring: true };
}

