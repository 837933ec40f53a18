import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { buildSpmReport, type SpmReport } from "@/lib/report/spm-report";
import { unitFigures } from "./figures";

/** The SPM report (DOMAIN.md §8) of a unit in the actor's scope. */
export async function spmReport(actor: Actor, kode: string, tahun: number, bulan: number): Promise<SpmReport> {
  const u = await unitFigures(actor, kode, tahun, bulan);
  return buildSpmReport(u.wilayah, tahun, bulan, u);
}
