import { fileResponse, withActorQuery } from "@/lib/api/ekspor";
import { dhis2MappingCsv } from "@/lib/report/dhis2";
import { indikatorOf } from "@/lib/report/rows";
import { mappingQuery } from "@/lib/schemas/ekspor";

export const dynamic = "force-dynamic";

/** GET /api/v1/dhis2/mapping[?indikator=spm] — the mapping CSV to fill in with DHIS2 data element UIDs. */
export function GET(request: Request) {
  return withActorQuery(request, mappingQuery, async (_actor, q) => fileResponse(dhis2MappingCsv(indikatorOf(q.indikator)), "csv", "pantau-dhis2-mapping.csv"));
}
