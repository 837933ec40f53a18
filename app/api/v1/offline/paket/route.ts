import { NextResponse } from "next/server";
import { apiError, apiErrorFrom } from "@/lib/api/errors";
import { apiActor } from "@/lib/auth/api-actor";
import { paketOffline } from "@/lib/data/offline";
import { bacaPunya, kirimanPaket } from "@/lib/offline/paket";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/offline/paket — what a puskesmas's phone keeps for entry without signal (lib/offline/paket).
 * With `If-None-Match` of the package it holds, an unchanged package is answered 304 without a body; with
 * `?punya=kode:tanda,…` (the hash of each desa it holds) a changed package carries only the desa that changed.
 */
export async function GET(request: Request) {
  try {
    const actor = await apiActor(request);
    if (!actor) return apiError("UNAUTHORIZED");
    const { paket, etag } = await paketOffline(actor);
    const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
    if (request.headers.get("if-none-match") === etag) return new NextResponse(null, { status: 304, headers });
    return NextResponse.json(kirimanPaket(paket, bacaPunya(new URL(request.url).searchParams.get("punya"))), { headers });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
