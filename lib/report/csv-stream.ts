import { toSpmReport, toSpmReports, type ReportModel, type StreamedLevel } from "./rows";
import { spmReportCsv, spmReportCsvLines } from "./spm-report";

// The CSV export (DOMAIN.md §8, UTF-8 with BOM) written while it is read: the unit's rows, then the rows at
// the chosen detail, part after part when the desa level comes one kabupaten at a time. The bytes are
// those of spmReportCsv(toSpmReports(model of every row), true).

export function reportCsvStream(model: ReportModel, detail: StreamedLevel | null): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = (async function* () {
    // With a level in parts, model.levels stops above it: the unit's rows first, then the parts.
    yield spmReportCsv(detail ? [toSpmReport(model, model.unit)] : toSpmReports(model), true);
    if (detail) for await (const part of detail.parts()) yield spmReportCsvLines(part.map((r) => toSpmReport(model, r)));
  })();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
