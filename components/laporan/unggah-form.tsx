"use client";

import { useActionState, useState, useSyncExternalStore, type FormEvent } from "react";
import { unggahNilaiAction, type UnggahState } from "@/lib/actions/unggah-nilai";
import { FormMessage } from "@/components/ui/form-message";
import { formatPeriode } from "@/lib/i18n/format";
import { UNGGAH } from "@/lib/i18n/unggah";
import { INDIKATOR } from "@/lib/spm/catalog";
import { WEB_LIMITS } from "@/lib/import/limits";

const INITIAL: UnggahState = { tahap: "awal", message: null, errors: [], warnings: [], counts: null, csv: null, namaFile: null, pemisah: null, tidakLengkap: [] };

function Issues({ title, items, tone }: { title: string; items: UnggahState["errors"]; tone: "error" | "warn" }) {
  if (items.length === 0) return null;
  return (
    <section className={`rounded border p-3 ${tone === "error" ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50"}`}>
      <h2 className="font-semibold">{title} ({items.length.toLocaleString("id-ID")})</h2>
      <ul className="mt-1 max-h-80 list-disc overflow-auto pl-5 text-sm" data-testid={tone === "error" ? "daftar-kesalahan" : "daftar-peringatan"}>
        {items.map((e, i) => (
          <li key={i}>baris {e.line}, kolom {e.column}: {e.message}{e.value ? ` (“${e.value}”)` : ""}</li>
        ))}
      </ul>
    </section>
  );
}

/** The file picker in Indonesian: the browser's own button speaks the browser's language ("Choose File"),
 *  so once JavaScript runs it is replaced by a labelled button and the chosen file's name; before that
 *  (or without JavaScript) the native input is shown as it is. */
const noSubscription = () => () => {};

function BerkasInput() {
  const ready = useSyncExternalStore(noSubscription, () => true, () => false); // false in the server's HTML
  const [nama, setNama] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <label
        className={ready ? "cursor-pointer rounded border border-slate-400 bg-slate-50 px-3 py-2 text-sm font-medium focus-within:ring-2 focus-within:ring-teal-700" : "contents"}
      >
        {ready && "Pilih berkas"}
        <input
          id="berkas"
          name="berkas"
          type="file"
          accept=".csv,.xlsx,text/csv"
          required
          onChange={(e) => setNama(e.currentTarget.files?.[0]?.name ?? null)}
          className={ready ? "sr-only" : "block text-sm"}
        />
      </label>
      {ready && (
        <span className="min-w-0 break-all text-sm text-slate-700" data-testid="nama-berkas">
          {nama ?? "Belum ada berkas dipilih"}
        </span>
      )}
    </div>
  );
}

/** Upload of the values CSV/XLSX: preview (nothing written), then an explicit confirmation. */
export function UnggahForm() {
  const [state, action, pending] = useActionState(unggahNilaiAction, INITIAL);
  // A file over the limit is not sent: the server would refuse it too, and one over the framework's body
  // limit would get no answer the form can show.
  const [tooBig, setTooBig] = useState(false);
  const checkSize = (e: FormEvent<HTMLFormElement>) => {
    const file = (e.currentTarget.elements.namedItem("berkas") as HTMLInputElement | null)?.files?.[0]; // the file input below
    const over = file !== undefined && file.size > WEB_LIMITS.maxBytes;
    if (over) e.preventDefault();
    setTooBig(over);
  };
  return (
    <div className="space-y-4">
      <form action={action} onSubmit={checkSize} className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <input type="hidden" name="langkah" value="pratinjau" />
        <label htmlFor="berkas" className="block text-sm font-medium">Berkas nilai (CSV atau XLSX, kolom kode_desa,tahun,bulan,indikator,nilai)</label>
        <BerkasInput />
        <button type="submit" disabled={pending} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {pending ? "Memeriksa…" : "Periksa berkas"}
        </button>
      </form>
      <FormMessage testId="pesan-unggah" ok={!tooBig && state.tahap !== "gagal"} message={tooBig ? UNGGAH.terlaluBesar : state.message} />
      {!tooBig && state.pemisah && (
        <p className="text-sm text-slate-700" data-testid="pemisah-unggah">
          {UNGGAH.pemisahKolom(state.pemisah)}
        </p>
      )}
      {state.counts && (
        <dl className="grid max-w-md grid-cols-[1fr_max-content] gap-x-4 rounded border border-slate-200 bg-white p-3 text-sm tabular-nums" data-testid="ringkasan-unggah">
          <dt>Baris</dt><dd>{state.counts.rows.toLocaleString("id-ID")}</dd>
          <dt>Baru</dt><dd>{state.counts.inserted.toLocaleString("id-ID")}</dd>
          <dt>Berubah</dt><dd>{state.counts.updated.toLocaleString("id-ID")}</dd>
          <dt>Tidak berubah</dt><dd>{state.counts.unchanged.toLocaleString("id-ID")}</dd>
        </dl>
      )}
      {state.tahap === "pratinjau" && state.tidakLengkap.length > 0 && (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="tidak-lengkap-unggah">
          <p>{UNGGAH.tidakLengkap(state.tidakLengkap.length, INDIKATOR.length)}</p>
          <ul className="mt-1 list-disc pl-5">
            {state.tidakLengkap.map((t) => (
              <li key={`${t.desaKode}/${t.tahun}/${t.bulan}`}>{UNGGAH.laporanTidakLengkap(t.desaKode, formatPeriode(t.tahun, t.bulan), t.terisi, INDIKATOR.length)}</li>
            ))}
          </ul>
        </div>
      )}
      <Issues title="Kesalahan" items={state.errors} tone="error" />
      <Issues title="Peringatan" items={state.warnings} tone="warn" />
      {state.tahap === "pratinjau" && state.csv && (
        <form action={action}>
          <input type="hidden" name="langkah" value="simpan" />
          <input type="hidden" name="csv" value={state.csv} />
          <input type="hidden" name="namaFile" value={state.namaFile ?? ""} />
          <button type="submit" disabled={pending} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
            Konfirmasi dan simpan
          </button>
        </form>
      )}
    </div>
  );
}
