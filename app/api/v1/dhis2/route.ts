import { NextResponse } from "next/server";
import { readBodyText } from "@/lib/api/body";
import { fileResponse, withActorQuery } from "@/lib/api/ekspor";
import { apiError } from "@/lib/api/errors";
import { dhis2Values } from "@/lib/data/dhis2-export";
import { buildDataValueSet, parseDhis2Mapping } from "@/lib/report/dhis2";
import { reportFilename } from "@/lib/report/rows";
import { dhis2Query } from "@/lib/schemas/ekspor";

export const dynamic = "force-dynamic";

/** GET /api/v1/dhis2?wilayah=&tahun=&bulan= — DHIS2 dataValueSets (dataElement = indicator code). */
export function GET(request: Request) {
  return withActorQuery(request, dhis2Query, async (actor, q) => {
    const { wilayah, values } = await dhis2Values(actor, q.wilayah, q.tahun, q.bulan);
    return fileResponse(JSON.stringify(buildDataValueSet(values)), "json", reportFilename(wilayah.kode, q.tahun, q.bulan, "json", "dhis2"));
  });
}

/** POST the filled-in mapping CSV as the body (at most BODY_LIMITS: 256 KB within 10 s, else 413/408):
 *  the same values with dataElement = the mapped DHIS2 UID. */
export function POST(request: Request) {
  return withActorQuery(request, dhis2Query, async (actor, q) => {
    const body = await readBodyText(request);
    if ("error" in body) return body.error;
    const { mapping, errors } = parseDhis2Mapping(body.text);
    if (errors.length > 0) return apiError("BAD_REQUEST", errors.join("; "));
    const { values } = await dhis2Values(actor, q.wilayah, q.tahun, q.bulan);
    return NextResponse.json(buildDataValueSet(values, mapping), { headers: { "Cache-Control": "no-store" } });
  });
}
