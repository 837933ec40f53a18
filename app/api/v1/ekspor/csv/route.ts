import { reportExport } from "@/lib/api/ekspor";
import { toSpmReports } from "@/lib/report/rows";
import { spmReportCsv } from "@/lib/report/spm-report";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/ekspor/csv?wilayah=&tahun=&bulan=&detail=anak|desa&indikator=spm|semua — the CSV report of
 * DOMAIN.md §8 (UTF-8 with BOM): the unit's rows, then each unit at the chosen detail.
 */
export const GET = reportExport("csv", async (model) => spmReportCsv(toSpmReports(model), true));
