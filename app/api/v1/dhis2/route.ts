import { NextResponse } from "next/server";
import { fileResponse, withActorQuery } from "@/lib/api/ekspor";
import { apiError } from "@/lib/api/errors";
import { dhis2Values } from "@/lib/data/dhis2-export";
import { buildDataValueSet, parseDhis2Mapping } from "@/lib/report/dhis2";
import { reportFilename } from "@/lib/report/rows";
import { dhis2Query } from "@/lib/schemas/ekspor";

export const dynamic = "force-dynamic";

const MAX_MAPPING_BYTES = 256 * 1024;

/** GET /api/v1/dhis2?wilayah=&tahun=&bulan= — DHIS2 dataValueSets (dataElement = indicator code). */
export function GET(request: Request) {
  return withActorQuery(request, dhis2Query, async (actor, q) => {
    const { wilayah, values } = await dhis2Values(actor, q.wilayah, q.tahun, q.bulan);
    return fileResponse(JSON.stringify(buildDataValueSet(values)), "json", reportFilename(wilayah.kode, q.tahun, q.bulan, "json", "dhis2"));
  });
}

/** POST the filled-in mapping CSV as the body: the same values with dataElement = the mapped DHIS2 UID. */
export function POST(request: Request) {
  return withActorQuery(request, dhis2Query, async (actor, q) => {
    const text = await request.text();
    if (text.length > MAX_MAPPING_BYTES) return apiError("BAD_REQUEST");
    const { mapping, errors } = parseDhis2Mapping(text);
    if (errors.length > 0) return apiError("BAD_REQUEST", errors.join("; "));
    const { values } = await dhis2Values(actor, q.wilayah, q.tahun, q.bulan);
    return NextResponse.json(buildDataValueSet(values, mapping), { headers: { "Cache-Control": "no-store" } });
  });
}
