import { NextResponse } from "next/server";
import { apiError, apiErrorFrom } from "@/lib/api/errors";
import { apiActor } from "@/lib/auth/api-actor";
import { spmReport } from "@/lib/data/spm-report";
import { spmQuery } from "@/lib/schemas/periode";
import { queryOf } from "@/lib/schemas/query";

export const dynamic = "force-dynamic";

/** GET /api/v1/spm?wilayah=&tahun=&bulan= — the SPM report body of DOMAIN.md section 8. */
export async function GET(request: Request) {
  try {
    const actor = await apiActor(request);
    if (!actor) return apiError("UNAUTHORIZED");
    const params = queryOf(request.url);
    const parsed = spmQuery.safeParse(params);
    if (!parsed.success) return apiError("BAD_REQUEST", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    const { wilayah, tahun, bulan } = parsed.data;
    const report = await spmReport(actor, wilayah, tahun, bulan);
    return NextResponse.json(report, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
