import type { Actor } from "./actor";
import type { WilayahPlace } from "./scope";

// Drafts show only to their puskesmas (DOMAIN.md §7): to anyone else a draft is no report yet — no value,
// count, total, text or status derived from it. The one place this rule is written; lib/data asks it.

/** Whether `actor` sees the DRAFT reports of the desa or puskesmas at `place`. */
export function seesDrafts(actor: Actor, place: Pick<WilayahPlace, "puskesmasKode">): boolean {
  return actor.role === "PUSKESMAS" && place.puskesmasKode !== null && place.puskesmasKode === actor.puskesmasKode;
}

/** A report status as `actor` may see it: a draft of another puskesmas is no report (null). */
export function visibleStatus<S extends string>(actor: Actor, place: Pick<WilayahPlace, "puskesmasKode">, status: S | null | undefined): S | null {
  if (status == null) return null;
  return status === "DRAFT" && !seesDrafts(actor, place) ? null : status;
}
