"use server";

import { currentActor } from "@/lib/auth/session";
import { ForbiddenError, requirePermission } from "@/lib/auth/permissions";
import { importValues } from "@/lib/data/import-values";
import { detectDelimiter, type CsvDelimiter } from "@/lib/import/csv";
import { WEB_LIMITS } from "@/lib/import/limits";
import { decodeText, type ImportIssue } from "@/lib/import/rows";
import { VALUES_COLUMNS } from "@/lib/import/values";
import { importInput } from "@/lib/import/xlsx";
import { pesanGalat } from "@/lib/i18n/errors";
import { MSG } from "@/lib/i18n/messages";
import { UNGGAH } from "@/lib/i18n/unggah";

export interface UnggahState {
  tahap: "awal" | "pratinjau" | "selesai" | "gagal";
  message: string | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  counts: { rows: number; inserted: number; updated: number; unchanged: number } | null;
  /** The file as CSV text, sent back with the confirmation (validated again then). */
  csv: string | null;
  namaFile: string | null;
  /** The field delimiter of an uploaded CSV, named in the preview (null for an XLSX). */
  pemisah: CsvDelimiter | null;
}

/** The upload as CSV text: an XLSX is read in a bounded worker (lib/import/xlsx.ts), never here. */
async function readUpload(form: FormData): Promise<{ csv: string; nama: string; xlsx: boolean } | { error: string }> {
  const confirmed = form.get("csv");
  if (typeof confirmed === "string" && confirmed.length > 0) return { csv: confirmed, nama: String(form.get("namaFile") ?? ""), xlsx: false };
  const file = form.get("berkas");
  if (!(file instanceof File) || file.size === 0) return { error: UNGGAH.pilihBerkas };
  if (file.size > WEB_LIMITS.maxBytes) return { error: UNGGAH.terlaluBesar };
  const read = await importInput(new Uint8Array(await file.arrayBuffer()), VALUES_COLUMNS, WEB_LIMITS);
  if ("error" in read) return { error: read.error };
  if (typeof read.input === "string") return { csv: read.input, nama: file.name, xlsx: true };
  // Strictly, as the import does: a binary file or one saved as Latin-1/UTF-16 is named as such.
  const text = decodeText(read.input);
  return "error" in text ? { error: text.error.message } : { csv: text.text, nama: file.name, xlsx: false };
}

/** Step 1 (pratinjau): validate and compute what would change, nothing written. Step 2 (simpan): write. */
export async function unggahNilaiAction(_prev: UnggahState, form: FormData): Promise<UnggahState> {
  const empty: UnggahState = { tahap: "gagal", message: null, errors: [], warnings: [], counts: null, csv: null, namaFile: null, pemisah: null };
  const actor = await currentActor();
  if (!actor) return { ...empty, message: MSG.tidakBerhak };
  try {
    requirePermission(actor, "import.jalankan"); // before the file is read: a role without it costs nothing
    const upload = await readUpload(form);
    if ("error" in upload) return { ...empty, message: upload.error };
    const simpan = form.get("langkah") === "simpan";
    const pemisah = upload.xlsx ? null : detectDelimiter(upload.csv);
    const bytes = new TextEncoder().encode(upload.csv);
    const r = await importValues(actor, bytes, { pratinjau: !simpan });
    if (!r.ok) return { ...empty, message: UNGGAH.adaKesalahan(r.errors.length), errors: r.errors.slice(0, 500), namaFile: upload.nama, pemisah };
    const counts = { rows: r.rows, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged };
    if (simpan) return { ...empty, tahap: "selesai", message: UNGGAH.tersimpan, counts, warnings: r.warnings.slice(0, 500), namaFile: upload.nama };
    return { tahap: "pratinjau", message: UNGGAH.periksa, errors: [], warnings: r.warnings.slice(0, 500), counts, csv: upload.csv, namaFile: upload.nama, pemisah };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ...empty, message: MSG.tidakBerhak };
    return { ...empty, message: pesanGalat(error) };
  }
}
