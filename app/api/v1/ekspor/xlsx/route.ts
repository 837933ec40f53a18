import { reportExport } from "@/lib/api/ekspor";
import { reportXlsxStream } from "@/lib/report/xlsx";

export const dynamic = "force-dynamic";

/** GET /api/v1/ekspor/xlsx?wilayah=&tahun=&bulan=&detail=anak|desa&indikator=spm|semua */
// Streamed: the file is written while the browser downloads it (progress shows; other requests go on).
export const GET = reportExport("xlsx", async (model) => reportXlsxStream(model));
