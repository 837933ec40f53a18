import { reportExport } from "@/lib/api/ekspor";
import { petaLaporan } from "@/lib/data/peta";
import { reportPdf } from "@/lib/report/pdf";

export const dynamic = "force-dynamic";

/** GET /api/v1/ekspor/pdf (summary, grafik, map of the grafik's indicator, tables)?wilayah=&tahun=&bulan=&detail=anak|desa&indikator=spm|semua&grafik=SPM-01 */
export const GET = reportExport("pdf", async (model, q, actor) => reportPdf(model, q.grafik, await petaLaporan(actor, model, q.grafik)));
