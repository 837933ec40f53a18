import fs from "node:fs";
import { percentile } from "./measure";

// The profile of a run (PANTAU_TIMING, lib/timing.ts): per measured page, the median milliseconds of a
// request spent in the session check, in SQL (wall time with a query in flight), computing figures
// (lib/spm), and the rest (Next.js and React rendering and serialising the RSC payload and the HTML),
// with the time to the first byte and the total, all measured inside the server.

export interface ProfileRow {
  key: string;
  requests: number;
  totalMs: number;
  firstByteMs: number;
  sessionMs: number;
  sqlMs: number;
  computeMs: number;
  renderMs: number;
  /** The server's own time: total minus SQL (median per request). */
  beyondSqlMs: number;
  /** Size of the page's HTML (with its inline RSC payload), uncompressed. */
  htmlBytes?: number;
}

interface Line {
  path: string;
  status: number;
  totalMs: number;
  firstByteMs: number | null;
  spans: Record<string, number>;
}

const med = (xs: number[]) => Math.round(percentile([...xs].sort((a, b) => a - b), 0.5) * 10) / 10;

/** Medians per page of the timing lines whose path is one of `pages` (key → path as requested). */
export function readProfile(file: string, pages: { key: string; path: string }[]): ProfileRow[] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Line);
  return pages.flatMap(({ key, path }) => {
    const ls = lines.filter((l) => l.path === path && l.status === 200);
    if (ls.length === 0) return [];
    const s = (name: string) => ls.map((l) => l.spans[name] ?? 0);
    const rest = ls.map((l) => l.totalMs - (l.spans.session ?? 0) - (l.spans.sql ?? 0) - (l.spans.compute ?? 0));
    return [{
      key, requests: ls.length, totalMs: med(ls.map((l) => l.totalMs)), firstByteMs: med(ls.map((l) => l.firstByteMs ?? l.totalMs)),
      sessionMs: med(s("session")), sqlMs: med(s("sql")), computeMs: med(s("compute")), renderMs: med(rest),
      beyondSqlMs: med(ls.map((l) => l.totalMs - (l.spans.sql ?? 0))),
    }];
  });
}
