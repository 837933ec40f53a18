"use client";

import { useActionState, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { simpanGridAction, type GridFormState } from "@/lib/actions/simpan-grid";
import type { GridBaris } from "@/lib/data/laporan-grid";
import { STATUS_LAPORAN_LABEL } from "@/lib/i18n/dashboard";
import { pasteBlock } from "@/lib/laporan/paste";
import { FormMessage } from "@/components/ui/form-message";
import { KonfirmasiPeringatan } from "./konfirmasi-peringatan";

export interface GridFormProps {
  puskesmasKode: string;
  tahun: number;
  bulan: number;
  klaster: string;
  /** Dinkes users see the grid read-only. */
  bolehIsi: boolean;
  indikator: { kode: string; nama: string }[];
  baris: GridBaris[];
}

const INITIAL: GridFormState = { status: "idle", message: null, errors: {}, warnings: {}, baris: {}, values: {}, versi: {} };

const nameOf = (desa: string, kode: string) => `${desa}.${kode}`;

/**
 * The bulk grid: a plain form (works without JavaScript); with it, Enter moves down a column like a
 * spreadsheet (Shift+Enter up, Tab across) and a block pasted from Excel fills the cells from the focused one.
 */
export function GridForm(props: GridFormProps) {
  const [state, action, pending] = useActionState(simpanGridAction, INITIAL);
  const awal = () => {
    const v: Record<string, string> = {};
    for (const b of props.baris) for (const i of props.indikator) v[nameOf(b.desaKode, i.kode)] = b.nilai[i.kode] === undefined ? "" : String(b.nilai[i.kode]);
    return v;
  };
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...awal(), ...state.values }));
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setValues((old) => ({ ...old, ...state.values }));
  }
  const table = useRef<HTMLTableElement>(null);
  const terkunci = (b: GridBaris) => !props.bolehIsi || b.status === "DIVERIFIKASI";

  const focusCell = (row: number, col: number) => {
    table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    if (e.key !== "Enter") return;
    e.preventDefault(); // Enter moves, it does not submit
    focusCell(e.shiftKey ? row - 1 : row + 1, col);
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = e.clipboardData.getData("text/plain");
    const cells = pasteBlock(text, row, col, props.baris.length, props.indikator.length);
    if (!cells) return; // a single value: the browser pastes it into this cell
    e.preventDefault();
    setValues((old) => {
      const next = { ...old };
      for (const c of cells) {
        const b = props.baris[c.row];
        if (!terkunci(b)) next[nameOf(b.desaKode, props.indikator[c.col].kode)] = c.value;
      }
      return next;
    });
  };

  const adaPeringatan = Object.keys(state.warnings).length > 0 && state.status !== "ok";
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="puskesmasKode" value={props.puskesmasKode} />
      <input type="hidden" name="tahun" value={props.tahun} />
      <input type="hidden" name="bulan" value={props.bulan} />
      <input type="hidden" name="klaster" value={props.klaster} />
      {props.baris.map((b) => (
        <input key={b.desaKode} type="hidden" name={`versi.${b.desaKode}`} value={state.versi[b.desaKode] ?? b.versi} />
      ))}
      <FormMessage testId="pesan-grid" ok={state.status === "ok"} message={state.message} />
      <div className="relative overflow-x-auto rounded border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Isian per desa">
        <table ref={table} className="text-sm">
          <thead className="bg-slate-50 text-xs text-slate-700">
            <tr>
              <th scope="col" className="sticky left-0 bg-slate-50 px-2 py-1 text-left">Desa</th>
              {props.indikator.map((i) => (
                <th key={i.kode} scope="col" className="min-w-[7rem] px-2 py-1 text-left align-bottom font-medium">
                  {i.nama} <span className="block text-slate-500">{i.kode}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.baris.map((b, row) => {
              const pesanBaris = state.baris[b.desaKode];
              return (
                <tr key={b.desaKode} className="border-t border-slate-100 align-top" data-testid={`grid-${b.desaKode}`}>
                  <th scope="row" className="sticky left-0 bg-white px-2 py-1 text-left font-normal">
                    {b.desaNama}
                    <span className="block text-xs text-slate-500">{b.status ? STATUS_LAPORAN_LABEL[b.status] : "Belum diisi"}</span>
                    {pesanBaris && <span className="block max-w-[12rem] text-xs text-red-700" role="alert">{pesanBaris}</span>}
                  </th>
                  {props.indikator.map((ind, col) => {
                    const name = nameOf(b.desaKode, ind.kode);
                    const id = `g-${name}`;
                    const err = state.errors[name];
                    const warn = state.status === "ok" ? undefined : state.warnings[name];
                    return (
                      <td key={ind.kode} className="px-1 py-1">
                        <input
                          id={id}
                          name={`v.${name}`}
                          data-row={row}
                          data-col={col}
                          inputMode="numeric"
                          autoComplete="off"
                          aria-label={`${ind.nama}, ${b.desaNama}`}
                          aria-invalid={err ? true : undefined}
                          aria-describedby={err || warn ? `${id}-pesan` : undefined}
                          readOnly={terkunci(b)}
                          value={values[name] ?? ""}
                          onChange={(e) => setValues((old) => ({ ...old, [name]: e.target.value }))}
                          onKeyDown={(e) => onKeyDown(e, row, col)}
                          onPaste={(e) => onPaste(e, row, col)}
                          className={`w-24 rounded border px-2 py-1 text-right tabular-nums read-only:bg-slate-100 ${err ? "border-red-600" : warn ? "border-amber-500" : "border-slate-400"}`}
                        />
                        {(err || warn) && (
                          <p id={`${id}-pesan`} className={`max-w-[9rem] text-xs ${err ? "text-red-700" : "text-amber-800"}`}>
                            {err ?? `Peringatan: ${warn}`}
                          </p>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {adaPeringatan && (
        <KonfirmasiPeringatan />
      )}
      {props.bolehIsi && (
        <div className="flex flex-wrap gap-2">
          <button type="submit" name="aksi" value="draf" disabled={pending} className="rounded border border-teal-800 px-4 py-2 font-semibold text-teal-900 disabled:opacity-60">
            Simpan
          </button>
          <button type="submit" name="aksi" value="kirim" disabled={pending} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
            Simpan dan kirim semua
          </button>
        </div>
      )}
    </form>
  );
}
