"use server";

import { z } from "zod";
import { importValues } from "@/lib/data/import-values";
import { detectDelimiter, type CsvDelimiter } from "@/lib/import/csv";
import { WEB_LIMITS } from "@/lib/import/limits";
import { decodeText, type ImportIssue, type LaporanTidakLengkap } from "@/lib/import/rows";
import { VALUES_COLUMNS } from "@/lib/import/values";
import { importInput } from "@/lib/import/xlsx";
import { UNGGAH } from "@/lib/i18n/unggah";
import { formAction } from "./action";

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
  /** Reports the upload submits with empty indicators (at most 200 listed). */
  tidakLengkap: LaporanTidakLengkap[];
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

const GAGAL: UnggahState = { tahap: "gagal", message: null, errors: [], warnings: [], counts: null, csv: null, namaFile: null, pemisah: null, tidakLengkap: [] };

const run = formAction<UnggahState, { langkah?: "pratinjau" | "simpan" }>({
  // Permission first: nothing of the file is read for a role that may not import.
  permission: "import.jalankan",
  schema: z.object({ langkah: z.enum(["pratinjau", "simpan"]).optional() }),
  input: (form) => ({ langkah: form.get("langkah") ?? undefined }),
  refuse: (_form, r) => ({ ...GAGAL, message: r.message }),
  run: async ({ actor, input, form }) => {
    const upload = await readUpload(form);
    if ("error" in upload) return { ...GAGAL, message: upload.error };
    const simpan = input.langkah === "simpan";
    const pemisah = upload.xlsx ? null : detectDelimiter(upload.csv);
    const r = await importValues(actor, new TextEncoder().encode(upload.csv), { pratinjau: !simpan });
    if (!r.ok) return { ...GAGAL, message: UNGGAH.adaKesalahan(r.errors.length), errors: r.errors.slice(0, 500), namaFile: upload.nama, pemisah };
    const counts = { rows: r.rows, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged };
    if (simpan) return { ...GAGAL, tahap: "selesai", message: UNGGAH.tersimpan, counts, warnings: r.warnings.slice(0, 500), namaFile: upload.nama };
    const tidakLengkap = (r.tidakLengkap ?? []).slice(0, 200);
    return { tahap: "pratinjau", message: UNGGAH.periksa, errors: [], warnings: r.warnings.slice(0, 500), counts, csv: upload.csv, namaFile: upload.nama, pemisah, tidakLengkap };
  },
});

/** Step 1 (pratinjau): validate and compute what would change, nothing written. Step 2 (simpan): write. */
export async function unggahNilaiAction(prev: UnggahState, form: FormData): Promise<UnggahState> {
  return run(prev, form);
}
