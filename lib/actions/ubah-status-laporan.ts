"use server";

import { ubahStatusLaporan } from "@/lib/data/verifikasi";
import { statusLaporanSchema } from "@/lib/schemas/laporan";
import { formAction } from "./action";

export interface StatusFormState {
  message: string | null;
  ok: boolean;
}

const SELESAI = { verifikasi: "Laporan diverifikasi dan dikunci.", kembalikan: "Laporan dikembalikan ke puskesmas.", buka: "Kunci dibuka; laporan dikembalikan ke puskesmas." } as const;

const run = formAction<StatusFormState, ReturnType<typeof statusLaporanSchema.parse>>({
  loginRedirect: true,
  schema: statusLaporanSchema,
  input: (form) => Object.fromEntries(form),
  refuse: (_form, r) => ({ ok: false, message: r.message }),
  run: async ({ actor, input: { laporanId, aksi, versi, alasan } }) => {
    const r = await ubahStatusLaporan(actor, laporanId, aksi, versi, alasan ?? null);
    return r.ok ? { ok: true, message: SELESAI[aksi] } : { ok: false, message: r.message };
  },
});

export async function ubahStatusLaporanAction(prev: StatusFormState, form: FormData): Promise<StatusFormState> {
  return run(prev, form);
}
