"use server";

import { revalidatePath } from "next/cache";
import { getGrid, indikatorKlaster } from "@/lib/data/laporan-grid";
import { simpanBanyak, type SimpanInput } from "@/lib/data/laporan";
import { MSG_GRID, MSG_LAPORAN } from "@/lib/i18n/laporan";
import { formDataToGrid, gridFormSchema } from "@/lib/schemas/laporan";
import { formAction } from "./action";

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

const base = (form: FormData): GridFormState => ({ status: "error", message: null, errors: {}, warnings: {}, baris: {}, values: formDataToGrid(form).nilai, versi: {} });

const run = formAction<GridFormState, ReturnType<typeof gridFormSchema.parse>>({
  permission: "laporan.isi",
  schema: gridFormSchema,
  input: formDataToGrid,
  invalidMessage: MSG_LAPORAN.adaKesalahan,
  refuse: (form, r) => ({ ...base(form), message: r.message, errors: Object.fromEntries(Object.entries(r.errors).map(([k, m]) => [k.replace(/^nilai\./, ""), m])) }),
  run: async ({ actor, input: q, form }) => {
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
    if (inputs.length === 0) return { ...base(form), status: "ok", message: MSG_GRID.tersimpan(0) };
    const r = await simpanBanyak(actor, inputs);
    const state: GridFormState = base(form);
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
  },
});

/** Saves the rows of the grid that changed (and, with "kirim", submits every row that has values), all or nothing. */
export async function simpanGridAction(prev: GridFormState, form: FormData): Promise<GridFormState> {
  return run(prev, form);
}
