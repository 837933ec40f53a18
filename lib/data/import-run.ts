import "server-only";
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission, type Permission } from "@/lib/auth/permissions";
import { IMPORT_MSG } from "@/lib/i18n/import";
import type { ImportLimits } from "@/lib/import/limits";
import { distinctValues, type ImportContext, type ImportOptions, type ImportProgress, type ImportResult, type Table, type Validated } from "@/lib/import/rows";
import { loadDesa, stage } from "./staging";
import { inTransaction } from "./transaction";

// The one course of a file import (values, sasaran, penduduk): the permission before anything is read,
// the bounded read, then in one transaction the validation of every row (every error, nothing written)
// and the set-based write; a preview (pratinjau) runs the same and rolls back.

const F = IMPORT_MSG.fase;

export interface ImportSpec<C extends string, R> {
  permission: Permission;
  read: (input: Uint8Array | string, limits?: ImportLimits) => Table<C>;
  validate: (client: pg.ClientBase, table: Table<C>) => Promise<Validated<R>>;
  /** Writes the valid rows; may still refuse (an ImportResult with ok: false rolls back). */
  apply: (client: pg.ClientBase, rows: R[], progress: ImportProgress) => Promise<ImportResult>;
}

/**
 * The write of a sasaran or population file: the rows staged into `table` (COPY), then `write` applies the
 * staged table set-based; the answer counts what was new, changed and unchanged.
 */
async function stagedWrite<R>(
  client: pg.ClientBase,
  rows: readonly R[],
  progress: ImportProgress,
  staging: { table: string; columns: string; row: (r: R) => (string | number)[] },
  write: () => Promise<{ inserted: number; updated: number }>,
): Promise<Extract<ImportResult, { ok: true }>> {
  await stage(client, staging.table, staging.columns, rows.map(staging.row), progress);
  const counts = await write();
  progress(F.menyimpan, 1, 1);
  return { ok: true, rows: rows.length, ...counts, unchanged: rows.length - counts.inserted - counts.updated, warnings: [] };
}

/**
 * A sasaran or population import: read, validate (with the file's desa), stage, `write` the staged table,
 * then `after` (the population's re-estimation) in the same transaction.
 */
export function stagedImport<C extends string, R>(spec: {
  read: ImportSpec<C, R>["read"];
  validate: (table: Table<C>, ctx: ImportContext) => Validated<R>;
  staging: { table: string; columns: string; row: (r: R) => (string | number)[] };
  write: (client: pg.ClientBase, actor: Actor, sumber: string) => Promise<{ inserted: number; updated: number }>;
  after?: (client: pg.ClientBase, actor: Actor, rows: R[], sumber: string, progress: ImportProgress) => Promise<Partial<ImportResult>>;
}): (actor: Actor, input: Uint8Array | string, options?: ImportOptions) => Promise<ImportResult> {
  return (actor, input, options = {}) => {
    const sumber = options.sumber ?? "import";
    return runImport<C, R>(actor, input, options, {
      permission: "sasaran.impor",
      read: spec.read,
      validate: withDesa(actor, spec.validate),
      apply: async (client, rows, progress) => {
        const written = await stagedWrite(client, rows, progress, spec.staging, () => spec.write(client, actor, sumber));
        return spec.after ? ({ ...written, ...(await spec.after(client, actor, rows, sumber, progress)) } as ImportResult) : written;
      },
    });
  };
}

/** A validator that needs the file's desa (their place in the tree, for scope): they are read first. */
function withDesa<C extends string, R>(actor: Actor, validate: (table: Table<C>, ctx: ImportContext) => Validated<R>): ImportSpec<C, R>["validate"] {
  return async (client, table) => validate(table, { actor, desa: await loadDesa(client, distinctValues(table, "kode_desa" as C)) });
}

export async function runImport<C extends string, R>(actor: Actor, input: Uint8Array | string, options: ImportOptions, spec: ImportSpec<C, R>): Promise<ImportResult> {
  requirePermission(actor, spec.permission);
  const progress = options.onProgress ?? (() => {});
  progress(F.membaca, 0, 1);
  const table = spec.read(input, options.limits);
  progress(F.membaca, 1, 1);
  if (table.fatal) return { ok: false, errors: table.errors };
  return inTransaction(async (client) => {
    progress(F.memeriksa, 0, table.rows.length);
    const { rows, errors } = await spec.validate(client, table);
    progress(F.memeriksa, table.rows.length, table.rows.length);
    if (errors.length > 0) return { ok: false, errors };
    return spec.apply(client, rows, progress);
  }, { rollback: options.pratinjau === true, bulk: true });
}
