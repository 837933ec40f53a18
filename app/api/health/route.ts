import { NextResponse } from "next/server";
import { health } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/** GET /api/health — no login: 200 when the database answers `SELECT 1` within 2 s, else 503 (docs/deploy.md). */
export async function GET() {
  const h = await health();
  return NextResponse.json(h, { status: h.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
