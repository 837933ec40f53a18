// The authorization matrix lists every endpoint of the code (fast: reads files only; part of `npm test`).
import { describe, expect, it } from "vitest";
import { CALLERS, COLUMNS, MATRIX } from "./matrix";
import { endpointKey, enumerateEndpoints, inlineServerActions, methodsOf, routeOf } from "./routes";

describe("authorization matrix covers the code", () => {
  const inCode = enumerateEndpoints().map(endpointKey);
  const inMatrix = new Set(MATRIX.map((r) => r.endpoint));

  it("finds the pages, route handlers and server actions of app/ and lib/actions/", () => {
    expect(inCode).toContain("page /laporan/[desa]");
    expect(inCode).toContain("GET /api/v1/spm");
    expect(inCode).toContain("action simpanLaporanAction");
  });

  it("every page, route handler method and server action has a row", () => {
    expect(inCode.filter((k) => !inMatrix.has(k))).toEqual([]);
  });

  it("every row names an endpoint that exists", () => {
    expect([...inMatrix].filter((k) => !inCode.includes(k))).toEqual([]);
  });

  it("no server action is declared inline (outside a 'use server' file), where the enumeration cannot see it", () => {
    expect(inlineServerActions()).toEqual([]);
  });

  it("every row states an outcome for every column, and anonymous callers never get the data (the login page and its action, next-auth, the health check and the service worker's code excepted)", () => {
    for (const row of MATRIX) {
      for (const c of COLUMNS) expect(row.expect[c], `${row.endpoint} ${c}`).toMatch(/^(ok|login|home|401|403|404|refused|-)$/);
      if (!row.endpoint.includes("/api/auth/") && !["page /login", "action masuk", "GET /api/health", "GET /sw.js"].includes(row.endpoint)) expect(row.expect.anon, row.endpoint).not.toBe("ok");
    }
  });

  it("a cell about another scope is never ok for a scoped role", () => {
    for (const row of MATRIX) for (const c of ["provOther", "kabOther", "pkmOther"] as const) expect(row.expect[c], `${row.endpoint} (${row.case}) ${c}`).not.toBe("ok");
    expect(CALLERS.pkmOther.length).toBeGreaterThan(0);
  });
});

describe("route enumeration", () => {
  it("reads the URL of a page from its folder, without route groups", () => {
    expect(routeOf(`${process.cwd()}/app/(admin)/admin/token/page.tsx`)).toBe("/admin/token");
    expect(routeOf(`${process.cwd()}/app/page.tsx`)).toBe("/");
  });

  it("reads every way a route handler exports its methods", () => {
    expect(methodsOf("export async function GET(r) {}\nexport function POST() {}")).toEqual(["GET", "POST"]);
    expect(methodsOf("export const GET = reportExport('csv');")).toEqual(["GET"]);
    expect(methodsOf("const handler = NextAuth(o);\nexport { handler as GET, handler as POST };")).toEqual(["GET", "POST"]);
    expect(methodsOf("export const dynamic = 'force-dynamic';")).toEqual([]);
  });
});
