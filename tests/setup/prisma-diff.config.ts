import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// prisma.config.ts for the schema-drift test only (tests/integration/schema-drift.test.ts).
//
// Prisma 6.19's JS schema engine describes a database with catalog queries whose columns have
// PostgreSQL's `name` type (OID 19), which @prisma/adapter-pg cannot map ("Column type 'name' could not
// be deserialized": the same failure as `prisma migrate deploy` here, docs/architecture.md). These
// catalog types print as text, so the pg results are relabelled as text before the adapter reads them. Only this test process loads this file; the app and the CLI never do.
// Catalog types the adapter cannot map → the text type they print as: name (19), regproc (24),
// int2vector (22), oidvector (30), pg_node_tree (194), regclass (2205) → text (25); "char"[] (1002),
// name[] (1003) → text[] (1009). The one-byte "char" (18) must reach the engine as a Character column:
// it is relabelled as text for the adapter and its columns are remembered (by the rows array, which the
// adapter returns as it got it) so the adapter wrapper below can type them Character.
const CHAR_OID = 18;
const AS_TEXT: Readonly<Record<number, number>> = { 18: 25, 19: 25, 22: 25, 24: 25, 30: 25, 194: 25, 2205: 25, 1002: 1009, 1003: 1009 };
const charColumns = new WeakMap<object, number[]>();

type Fields = { fields?: { dataTypeID: number }[]; rows?: object };
function relabel<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as (Fields | undefined)[]) {
    const chars: number[] = [];
    (r?.fields ?? []).forEach((f, i) => {
      if (f.dataTypeID === CHAR_OID) chars.push(i);
      f.dataTypeID = AS_TEXT[f.dataTypeID] ?? f.dataTypeID;
    });
    if (chars.length > 0 && r?.rows) charColumns.set(r.rows, chars);
  }
  return result;
}

const CHARACTER = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils
type RawResult = { columnTypes: number[]; rows: object };
type Queryable = { queryRaw: (q: unknown) => Promise<RawResult> };
function typeChars<A>(adapter: A): A {
  // A loose view of the adapter's queryRaw: only the column types of the result are touched.
  const view = adapter as unknown as Queryable;
  const queryRaw = view.queryRaw.bind(view);
  view.queryRaw = async (q: unknown) => {
    const result = await queryRaw(q);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER;
    return result;
  };
  return adapter;
}
class DiffPg extends PrismaPg {
  override async connect() {
    return typeChars(await super.connect());
  }
  override async connectToShadowDb() {
    return typeChars(await super.connectToShadowDb());
  }
}

type Query = (...args: unknown[]) => unknown;
for (const proto of [pg.Client.prototype, pg.Pool.prototype] as unknown as { query: Query }[]) {
  // Typed loosely on purpose: pg's query has many overloads; the wrapper only passes them through.
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const i = args.findIndex((a) => typeof a === "function");
    if (i >= 0) {
      const callback = args[i] as (error: unknown, result: unknown) => void;
      args[i] = (error: unknown, result: unknown) => callback(error, error ? result : relabel(result));
      return original.apply(this, args);
    }
    const out = original.apply(this, args);
    return out instanceof Promise ? out.then(relabel) : out;
  };
}

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new DiffPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost:5432/postgres" }),
});
