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
