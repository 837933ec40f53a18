import { reportExportInParts } from "@/lib/api/ekspor";
import { reportXlsxStream } from "@/lib/report/xlsx";

export const dynamic = "force-dynamic";

/** GET /api/v1/ekspor/xlsx?wilayah=&tahun=&bulan=&detail=anak|desa&indikator=spm|semua */
// Streamed: the file is written while the browser downloads it (progress shows; other requests go on), the
// desa of a provinsi or of the nation one kabupaten at a time (bounded memory).
export const GET = reportExportInParts("xlsx", reportXlsxStream);
