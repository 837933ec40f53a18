import { apiError, apiErrorFrom } from "@/lib/api/errors";
import { apiActor } from "@/lib/auth/api-actor";
import { nilaiBulanPuskesmas, ringkasanBulan } from "@/lib/data/laporan-overview";
import { bulanParam, tahunParam } from "@/lib/schemas/periode";
import { csvRow } from "@/lib/report/csv-field";
import { INDIKATOR } from "@/lib/spm/catalog";
import { z } from "zod";
import { queryOf } from "@/lib/schemas/query";

const query = z.object({ puskesmas: z.string().regex(/^P\d{6,12}$/, "Kode puskesmas tidak sah."), tahun: tahunParam, bulan: bulanParam });

/** The values CSV template of a puskesmas's desa for a month, prefilled with what is stored. */
export async function GET(request: Request) {
  try {
    const actor = await apiActor(request);
    if (!actor) return apiError("UNAUTHORIZED");
    const parsed = query.safeParse(queryOf(request.url));
    if (!parsed.success) return apiError("BAD_REQUEST", parsed.error.issues[0]?.message);
    const { puskesmas, tahun, bulan } = parsed.data;
    const [desa, nilai] = await Promise.all([ringkasanBulan(actor, puskesmas, tahun, bulan), nilaiBulanPuskesmas(actor, puskesmas, tahun, bulan)]);
    const lines = ["kode_desa,tahun,bulan,indikator,nilai"];
    for (const d of desa) {
      for (const ind of INDIKATOR) lines.push(csvRow([d.desaKode, tahun, bulan, ind.kode, nilai.get(d.desaKode)?.get(ind.kode) ?? null]));
    }
    return new Response("\uFEFF" + lines.join("\r\n") + "\r\n", {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="templat-nilai_${puskesmas}_${tahun}-${String(bulan).padStart(2, "0")}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
