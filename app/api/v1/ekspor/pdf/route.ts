import { reportExport } from "@/lib/api/ekspor";
import { reportPdf } from "@/lib/report/pdf";

export const dynamic = "force-dynamic";

/** GET /api/v1/ekspor/pdf?wilayah=&tahun=&bulan=&detail=anak|desa&indikator=spm|semua&grafik=SPM-01 */
export const GET = reportExport("pdf", (model, q) => reportPdf(model, q.grafik));
