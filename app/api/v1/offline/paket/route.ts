import { NextResponse } from "next/server";
import { apiError, apiErrorFrom } from "@/lib/api/errors";
import { apiActor } from "@/lib/auth/api-actor";
import { paketOffline } from "@/lib/data/offline";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/offline/paket — what a puskesmas's phone keeps for entry without signal (lib/offline/paket).
 * With `If-None-Match` of the package it holds, an unchanged package is answered 304 without a body.
 */
export async function GET(request: Request) {
  try {
    const actor = await apiActor(request);
    if (!actor) return apiError("UNAUTHORIZED");
    const { paket, etag } = await paketOffline(actor);
    const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
    if (request.headers.get("if-none-match") === etag) return new NextResponse(null, { status: 304, headers });
    return NextResponse.json(paket, { headers });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
