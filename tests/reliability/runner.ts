// Runs cells of the matrix over HTTP: one logged-in session per demo user, a data checksum around every
// call that may write, the answer judged against the expected outcome.
import { Session, type Answer } from "./client";
import { callContext, changedTables, fingerprint } from "./db";
import { PASSWORD, USERS, type Fixture, type UserKey } from "./fixtures";
import { judge } from "./judge";
import { CALLERS, COLUMNS, MATRIX, type Column, type Outcome, type Row } from "./matrix";

export interface CellResult {
  endpoint: string;
  case: string;
  column: Column;
  user: UserKey | null;
  fixture: string;
  transport: "fetch" | "form" | "http";
  expected: Outcome;
  status: number;
  problems: string[];
}

export class Runner {
  private readonly sessions = new Map<UserKey, Session>();
  readonly results: CellResult[] = [];
  constructor(readonly base: string) {}

  async session(user: UserKey | null): Promise<Session> {
    if (!user) return new Session(this.base);
    let s = this.sessions.get(user);
    if (!s) {
      s = new Session(this.base);
      const a = await s.login(USERS[user], PASSWORD);
      if (!s.loggedIn) throw new Error(`login ${USERS[user]} failed: ${a.status} ${a.text}`);
      this.sessions.set(user, s);
    }
    return s;
  }

  /** Forget a user's session (after logging out: the next call logs in again). */
  drop(user: UserKey | null) {
    if (user) this.sessions.delete(user);
  }

  async cell(row: Row, column: Column, user: UserKey | null, f: Fixture, transport: "fetch" | "form" = "fetch"): Promise<CellResult> {
    const expected = row.expect[column];
    const s = await this.session(user);
    const call = await row.call(f, callContext);
    const before = row.writes ? await fingerprint() : null;
    let a: Answer;
    try {
      a = await s.send(call, transport);
    } catch (error) {
      a = { status: 0, location: null, contentType: "", text: String(error) };
    }
    const changed = before ? changedTables(before, await fingerprint()) : [];
    // Without JavaScript the page renders after the action: a page outside the scope answers 404 then, and
    // an anonymous post is sent to the login page.
    const formDenied: Outcome =
      transport !== "form" || expected !== "refused" ? expected : a.status === 404 || a.status === 403 ? "404" : a.status >= 300 && a.status < 400 ? "login" : expected;
    const problems = judge(row, formDenied, user, f, a, changed);
    if (a.status >= 500 || a.status === 0) problems.push(`server error ${a.status}`);
    if (row.last) this.drop(user);
    const r: CellResult = { endpoint: row.endpoint, case: row.case, column, user, fixture: f.id, transport: call.action ? transport : "http", expected, status: a.status, problems };
    this.results.push(r);
    return r;
  }
}

/** Every (row, column, caller) of the matrix that is called, `last` rows at the end. */
export function cells(rows: readonly Row[] = MATRIX): { row: Row; column: Column; user: UserKey | null; fixture: Fixture }[] {
  const out: { row: Row; column: Column; user: UserKey | null; fixture: Fixture }[] = [];
  const ordered = [...rows.filter((r) => !r.last), ...rows.filter((r) => r.last)];
  for (const row of ordered) {
    for (const column of COLUMNS) {
      if (row.expect[column] === "-") continue;
      for (const [user, fixture] of CALLERS[column]) out.push({ row, column, user, fixture });
    }
  }
  return out;
}

export function describeCell(c: { row: Row; column: Column; user: UserKey | null; fixture: Fixture }): string {
  return `${c.row.endpoint} (${c.row.case}) · ${c.column} · ${c.user ?? "anonim"} → ${c.fixture.id}: ${c.row.expect[c.column]}`;
}
