import { INDIKATOR } from "@/lib/spm/catalog";
import type { LaporanFormState } from "@/lib/actions/simpan-laporan";
import { actionId, callAction, type ActionResult, type Session } from "./http";

// The monthly report form over HTTP: open the page (as a user would, to get the version), post the form.

export const INITIAL_FORM: LaporanFormState = { status: "idle", message: null, errors: {}, warnings: {}, values: {}, versi: null, statusLaporan: null };

let simpanId: string | undefined;
export function simpanActionId(): string {
  return (simpanId ??= actionId("lib/actions/simpan-laporan.ts", "simpanLaporanAction"));
}

/** Plausible values for every indicator from a seed; paired indicators consistent (no warnings without sasaran). */
export function formValues(seed: number): Record<string, number> {
  const out: Record<string, number> = {};
  INDIKATOR.forEach((ind, i) => (out[ind.kode] = 1 + ((seed * 31 + i * 17) % 40)));
  out["KIA-K1"] = out["SPM-01"] + (seed % 5);
  out["KIA-KN1"] = out["SPM-03"] + (seed % 3);
  return out;
}

export function formPath(desa: string, tahun: number, bulan: number): string {
  return `/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`;
}

export interface OpenedForm {
  status: number;
  versi: number | null;
  html: string;
  ms: number;
}

/** GET the form page; `versi` from its hidden field. */
export async function openForm(session: Session, desa: string, tahun: number, bulan: number): Promise<OpenedForm> {
  const started = performance.now();
  const r = await session.fetch(formPath(desa, tahun, bulan));
  const html = await r.text();
  const m = /name="versi" value="(\d+)"/.exec(html);
  return { status: r.status, versi: m ? Number(m[1]) : null, html, ms: performance.now() - started };
}

export async function submitForm(
  session: Session,
  f: { desa: string; tahun: number; bulan: number; versi: number; values: Record<string, number | string>; aksi?: "draf" | "kirim"; konfirmasi?: boolean },
): Promise<ActionResult<LaporanFormState>> {
  const fields: Record<string, string> = { desaKode: f.desa, tahun: String(f.tahun), bulan: String(f.bulan), versi: String(f.versi) };
  for (const [k, v] of Object.entries(f.values)) fields[`nilai.${k}`] = String(v);
  if (f.konfirmasi) fields.konfirmasi = "ya";
  fields.aksi = f.aksi ?? "kirim"; // the button pressed comes last, as a browser sends it
  return callAction<LaporanFormState>(session, formPath(f.desa, f.tahun, f.bulan), simpanActionId(), INITIAL_FORM, fields);
}
