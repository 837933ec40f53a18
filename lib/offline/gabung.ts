import { INDIKATOR } from "@/lib/spm/catalog";
import type { StatusLaporanPaket } from "./paket";

// A conflict of an offline entry, pure (issue 16): which indicators the phone changed (typed ≠ the values
// its entry was based on, `dasar`), which changed only on the server meanwhile, and what "Pakai angka
// ponsel" sends — the server's current values with only the phone's changes applied, so another device's
// change to an indicator the phone never touched survives.

export interface NilaiServer {
  versi: number;
  status: StatusLaporanPaket | null;
  nilai: Record<string, number>;
}

export interface Gabungan {
  /** Indicators the phone changed from its `dasar`; an entry without `dasar`: every one differing from the server now. */
  diubah: string[];
  /** Of those, the ones whose value differs from the server now: the conflict shown side by side. */
  beda: string[];
  /** Indicators changed only on the server since `dasar`: kept by "Pakai angka ponsel" (empty without `dasar`). */
  hanyaServer: string[];
  /** What "Pakai angka ponsel" sends: the server's current values, the phone-changed ones replaced. */
  nilai: Record<string, string>;
}

/** A value as compared: blank → null, digits → their number's text, anything else trimmed. */
export function baku(v: string | number | undefined): string | null {
  if (v === undefined) return null;
  const t = String(v).trim();
  if (t === "") return null;
  return /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? String(Number(t)) : t;
}

/** The server's values as the form shows them (text). */
export function dasarTeks(nilai: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(nilai).map(([k, v]) => [k, String(v)]));
}

const URUTAN = new Map(INDIKATOR.map((i, n) => [i.kode, n]));
const urut = (a: string, b: string) => (URUTAN.get(a) ?? Infinity) - (URUTAN.get(b) ?? Infinity) || a.localeCompare(b);

/** Compares an entry (typed `nilai`, optional `dasar`) with what the server holds now. */
export function gabung(e: { nilai: Record<string, string>; dasar?: Record<string, string> }, server: Pick<NilaiServer, "nilai">): Gabungan {
  const { dasar } = e;
  const kode = [...new Set([...Object.keys(e.nilai), ...Object.keys(server.nilai), ...Object.keys(dasar ?? {})])].sort(urut);
  const diubah = dasar
    ? kode.filter((k) => k in e.nilai && baku(e.nilai[k]) !== baku(dasar[k])) // a field the form did not show was not touched
    : kode.filter((k) => baku(e.nilai[k]) !== baku(server.nilai[k])); // an entry of the earlier version: as before, every difference
  const beda = diubah.filter((k) => baku(e.nilai[k]) !== baku(server.nilai[k]));
  const hanyaServer = dasar ? kode.filter((k) => !diubah.includes(k) && baku(server.nilai[k]) !== baku(dasar[k])) : [];
  const nilai = dasarTeks(server.nilai);
  for (const k of diubah) nilai[k] = (e.nilai[k] ?? "").trim(); // blank: the phone cleared it
  return { diubah, beda, hanyaServer, nilai };
}

/**
 * Nothing left to send: the server holds every change of the phone, and a report the phone submitted is past
 * draft there (submitted, verified, or returned by the dinkes after that).
 */
export function sudahSelesai(e: { aksi: "draf" | "kirim" }, g: Gabungan, status: StatusLaporanPaket | null): boolean {
  if (g.beda.length > 0) return false;
  return e.aksi === "draf" || (status !== "DRAFT" && status !== null);
}

/**
 * The values a form's entry is based on, for the `versi` it sends: after a save in this page the values
 * saved, after a conflict in this page the server's values shown, else the values the page was opened with.
 */
export function dasarForm(
  state: { status: string; versi: number | null; values: Record<string, string>; terkini?: Record<string, number> },
  nilaiAwal: Record<string, string>,
): Record<string, string> {
  if (state.status === "ok" && state.versi !== null) return state.values;
  if (state.status === "conflict" && state.terkini) return dasarTeks(state.terkini);
  return nilaiAwal;
}
