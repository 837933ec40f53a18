import { reportExportInParts } from "@/lib/api/ekspor";
import { reportCsvStream } from "@/lib/report/csv-stream";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/ekspor/csv?wilayah=&tahun=&bulan=&detail=anak|desa&indikator=spm|semua — the CSV report of
 * DOMAIN.md §8 (UTF-8 with BOM): the unit's rows, then each unit at the chosen detail; written while it is
 * read, the desa of a provinsi or of the nation one kabupaten at a time.
 */
export const GET = reportExportInParts("csv", reportCsvStream);
