import { NextResponse } from "next/server";
import { readBodyText } from "@/lib/api/body";
import { apiError, apiErrorFrom } from "@/lib/api/errors";
import { apiActor } from "@/lib/auth/api-actor";
import { kirimOffline } from "@/lib/data/offline";
import { kirimOfflineSchema } from "@/lib/schemas/laporan";

export const dynamic = "force-dynamic";

const STATUS = { ok: 200, konflik: 409, ditolak: 422 } as const;

/**
 * POST /api/v1/offline/kirim — one report typed offline, from the phone's outbox (lib/offline/antrean):
 * saved by the form's own save with source `offline` and the typed time. 200 saved; 409 conflict (changed or
 * verified meanwhile) with the server's values; 422 refused (errors, warnings to confirm).
 */
export async function POST(request: Request) {
  try {
    const actor = await apiActor(request);
    if (!actor) return apiError("UNAUTHORIZED");
    // A write from this site's own pages only: JSON (a cross-site form cannot send it without a preflight)
    // and, when the browser names its origin, this one.
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) return apiError("BAD_REQUEST", "Kiriman harus berformat JSON (application/json).");
    if (!dariSitusIni(request)) return apiError("FORBIDDEN", "Kiriman dari situs lain ditolak.");
    const body = await readBodyText(request);
    if ("error" in body) return body.error;
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return apiError("BAD_REQUEST");
    }
    const parsed = kirimOfflineSchema.safeParse(json);
    if (!parsed.success) return apiError("BAD_REQUEST", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    const r = await kirimOffline(actor, parsed.data);
    return NextResponse.json(r, { status: STATUS[r.hasil], headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}

/** The browser's Origin (when it sends one) names the host this request was sent to (behind a proxy: the
 *  host it forwarded). The server's own idea of its URL is not used: it may listen on another name. */
function dariSitusIni(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
