// Whether an answer is the outcome the matrix expects. Returns the problems found (empty = as expected).
import { IMPORT_MSG } from "@/lib/i18n/import";
import { MSG } from "@/lib/i18n/messages";
import { EKSPOR } from "@/lib/i18n/ekspor";
import type { Answer } from "./client";
import { NEVER_SEES, type Fixture, type UserKey } from "./fixtures";
import type { Outcome, Row } from "./matrix";

/** Indonesian refusals an action or page answers with instead of the data. */
export const REFUSALS = [MSG.tidakBerhak, MSG.sesiBerakhir, IMPORT_MSG.desaDiLuarWilayah, EKSPOR.diLuarCakupan];

function isRedirectTo(a: Answer, target: string): boolean {
  if (!a.location) return false;
  const loc = a.location.split(";")[0];
  const p = new URL(loc, "http://x").pathname;
  return a.status >= 300 && a.status < 400 ? p === target : a.status === 200 && p === target; // actions answer 200/303 with x-action-redirect
}

/** Data a user must never receive, whatever the endpoint: names of places outside their scope (codes are
 *  not searched: a refusal may echo the code the caller sent). */
export function leaks(user: UserKey | null, a: Answer): string[] {
  if (!user) return [];
  const found: string[] = [];
  for (const f of NEVER_SEES[user]) for (const s of [f.desa.nama, f.puskesmas.nama]) if (a.text.includes(s)) found.push(s);
  return found;
}

export function judge(row: Row, expected: Outcome, user: UserKey | null, f: Fixture, a: Answer, changed: string[]): string[] {
  const problems: string[] = [];
  const shows = row.shows?.(f) ?? [];
  const leaked = leaks(user, a);
  if (leaked.length > 0) problems.push(`leaked ${leaked.join(", ")}`);
  const denied = expected !== "ok";
  if (denied) {
    const seen = shows.filter((s) => a.text.includes(s));
    if (seen.length > 0) problems.push(`denied answer contains ${seen.join(", ")}`);
    if (changed.length > 0) problems.push(`data changed: ${changed.join(", ")}`);
  }
  switch (expected) {
    case "ok": {
      if (a.status < 200 || a.status > 299) problems.push(`status ${a.status}, expected 2xx`);
      const missing = shows.filter((s) => !a.text.includes(s));
      if (missing.length > 0) problems.push(`missing ${missing.join(", ")}`);
      if (row.type && !a.contentType.startsWith(row.type)) problems.push(`content-type ${a.contentType}, expected ${row.type}`);
      if (REFUSALS.some((r) => a.text.includes(r))) problems.push("contains a refusal");
      if (row.writes && changed.length === 0) problems.push("allowed write changed nothing");
      break;
    }
    case "login":
      if (!isRedirectTo(a, "/login")) problems.push(`status ${a.status} location ${a.location}, expected redirect to /login`);
      break;
    case "home":
      if (!isRedirectTo(a, "/")) problems.push(`status ${a.status} location ${a.location}, expected redirect to /`);
      break;
    case "401":
    case "403":
    case "404":
      if (String(a.status) !== expected) problems.push(`status ${a.status}, expected ${expected}`);
      break;
    case "refused":
      if (a.status !== 200) problems.push(`status ${a.status}, expected 200 with a refusal`);
      if (!REFUSALS.some((r) => a.text.includes(r))) problems.push("no Indonesian refusal message");
      break;
    case "-":
      break;
  }
  return problems;
}
