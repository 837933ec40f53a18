import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { apiActor } from "@/lib/auth/api-actor";
import { loadReport, loadReportParts } from "@/lib/data/report";
import { reportFilename, type ReportModel, type StreamedLevel } from "@/lib/report/rows";
import { eksporQuery, type EksporQuery } from "@/lib/schemas/ekspor";
import { apiError, apiErrorFrom } from "./errors";
import { queryOf } from "@/lib/schemas/query";

// Shared plumbing of the file exports: auth, zod-parsed query, errors as `{ error: { code, message } }`,
// and the attachment headers.

const CONTENT_TYPE = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
  json: "application/json; charset=utf-8",
} as const;

function issuesMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

/** A download: `Content-Disposition: attachment`, never cached (figures change as reports arrive). */
export function fileResponse(body: Uint8Array | string | ReadableStream<Uint8Array>, ext: keyof typeof CONTENT_TYPE, filename: string): Response {
  return new Response(typeof body === "string" || body instanceof ReadableStream ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPE[ext],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Runs `handle` for an authenticated actor and a valid query; maps failures to API errors. */
export async function withActorQuery<S extends z.ZodType>(request: Request, schema: S, handle: (actor: Actor, query: z.infer<S>) => Promise<Response>): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) return apiError("UNAUTHORIZED");
    const parsed = schema.safeParse(queryOf(request.url));
    if (!parsed.success) return apiError("BAD_REQUEST", issuesMessage(parsed.error));
    return await handle(actor, parsed.data);
  } catch (error) {
    return apiErrorFrom(error);
  }
}

/** GET handler of a report export: loads the model in the actor's scope and renders it as one file. */
export function reportExport(ext: "xlsx" | "csv" | "pdf", render: (model: ReportModel, query: EksporQuery, actor: Actor) => Promise<Uint8Array | string | ReadableStream<Uint8Array>>) {
  return (request: Request) =>
    withActorQuery(request, eksporQuery, async (actor, q) => {
      const model = await loadReport(actor, { kode: q.wilayah, tahun: q.tahun, bulan: q.bulan, detail: q.detail, indikator: q.indikator });
      return fileResponse(await render(model, q, actor), ext, reportFilename(model.wilayah.kode, q.tahun, q.bulan ?? null, ext));
    });
}

/**
 * GET handler of an export written while it is read: the desa level of a provinsi or of the nation comes
 * in parts, one kabupaten at a time (lib/data/report loadReportParts), so memory stays bounded.
 */
export function reportExportInParts(ext: "xlsx" | "csv", render: (model: ReportModel, detail: StreamedLevel | null) => ReadableStream<Uint8Array>) {
  return (request: Request) =>
    withActorQuery(request, eksporQuery, async (actor, q) => {
      const { model, detail } = await loadReportParts(actor, { kode: q.wilayah, tahun: q.tahun, bulan: q.bulan, detail: q.detail, indikator: q.indikator });
      return fileResponse(render(model, detail), ext, reportFilename(model.wilayah.kode, q.tahun, q.bulan ?? null, ext));
    });
}
