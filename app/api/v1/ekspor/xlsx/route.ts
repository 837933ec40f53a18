import { reportExport } from "@/lib/api/ekspor";
import { reportXlsx } from "@/lib/report/xlsx";

export const dynamic = "force-dynamic";

/** GET /api/v1/ekspor/xlsx?wilayah=&tahun=&bulan=&detail=anak|desa&indikator=spm|semua */
export const GET = reportExport("xlsx", (model) => reportXlsx(model));
