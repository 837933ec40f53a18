"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { can, ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { getGrid, indikatorKlaster } from "@/lib/data/laporan-grid";
import { simpanBanyak, type SimpanInput } from "@/lib/data/laporan";
import { MSG } from "@/lib/i18n/messages";
import { MSG_GRID, MSG_LAPORAN } from "@/lib/i18n/laporan";
import { formDataToGrid, gridFormSchema } from "@/lib/schemas/laporan";

export interface GridFormState {
  status: "idle" | "ok" | "error";
  message: string | null;
  /** Keyed `<desa>.<KODE>`. */
  errors: Record<string, string>;
  warnings: Record<string, string>;
  /** Per desa: a refusal of the whole row (conflict, lock, status). */
  baris: Record<string, string>;
  /** What the user typed, kept on every refusal. */
  values: Record<string, string>;
  /** New versions after a save, per desa. */
  versi: Record<string, number>;
}

/** Saves the rows of the grid that changed (and, with "kirim", submits every row that has values), all or nothing. */
export async function simpanGridAction(_prev: GridFormState, form: FormData): Promise<GridFormState> {
  const raw = formDataToGrid(form);
  const base: GridFormState = { status: "error", message: null, errors: {}, warnings: {}, baris: {}, values: raw.nilai, versi: {} };
  const actor = await currentActor();
  if (!actor || !can(actor, "laporan.isi")) return { ...base, message: MSG.tidakBerhak };
  const parsed = gridFormSchema.safeParse(raw);
  if (!parsed.success) return { ...base, message: parsed.error.issues[0]?.message ?? MSG_LAPORAN.adaKesalahan };
  const q = parsed.data;
  try {
    const grid = await getGrid(actor, q.puskesmasKode, q.tahun, q.bulan, q.klaster);
    const kodes = indikatorKlaster(q.klaster);
    const inputs: SimpanInput[] = [];
    for (const b of grid.baris) {
      if (b.status === "DIVERIFIKASI") continue;
      // Only rows the post carries; a cell absent from it keeps its stored value (never cleared by omission).
      if (!kodes.some((k) => q.nilai[`${b.desaKode}.${k}`] !== undefined)) continue;
      const stored = (k: string) => (b.nilai[k] === undefined ? "" : String(b.nilai[k]));
      const nilai = Object.fromEntries(kodes.map((k) => [k, (q.nilai[`${b.desaKode}.${k}`] ?? stored(k)).trim()]));
      const berubah = kodes.some((k) => nilai[k] !== stored(k));
      const adaIsi = Object.values(nilai).some((v) => v !== "") || Object.keys(b.nilai).length > 0;
      const kirim = q.aksi === "kirim" && adaIsi && b.status !== "DIKIRIM";
      if (!berubah && !kirim) continue;
      // A submitted report stays submitted when corrected from the grid.
      const aksi = kirim || b.status === "DIKIRIM" ? "kirim" : "draf";
      inputs.push({ desaKode: b.desaKode, tahun: q.tahun, bulan: q.bulan, versi: q.versi[b.desaKode] ?? b.versi, nilai, aksi, konfirmasi: q.konfirmasi === "ya", sumber: "grid", indikator: kodes });
    }
    if (inputs.length === 0) return { ...base, status: "ok", message: MSG_GRID.tersimpan(0) };
    const r = await simpanBanyak(actor, inputs);
    const state: GridFormState = { ...base };
    for (const [desa, h] of Object.entries(r.hasil)) {
      if (h.ok) {
        state.versi[desa] = h.versi;
        continue;
      }
      if (h.reason === "invalid" || h.reason === "warnings") {
        if (h.reason === "invalid") for (const [k, m] of Object.entries(h.errors)) state.errors[`${desa}.${k}`] = m;
        for (const [k, m] of Object.entries(h.warnings)) state.warnings[`${desa}.${k}`] = m;
      } else {
        state.baris[desa] = h.reason === "conflict" ? MSG_GRID.konflikBaris : h.message;
      }
    }
    if (!r.ok) return { ...state, versi: {}, message: MSG_GRID.adaMasalah };
    revalidatePath("/laporan/grid"); // the page re-renders with every row's new version and status
    return { ...state, status: "ok", values: {}, message: q.aksi === "kirim" ? MSG_GRID.terkirim(inputs.length) : MSG_GRID.tersimpan(inputs.length) };
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ...base, message: MSG.tidakBerhak };
    console.error(error);
    return { ...base, message: MSG.kesalahanUmum };
  }
}
