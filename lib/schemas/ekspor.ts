import { z } from "zod";
import "@/lib/i18n/zod";
import { EKSPOR_ERROR } from "@/lib/i18n/ekspor";
import { getIndikator } from "@/lib/spm/catalog";
import { bulanParam, tahunParam, wilayahParam } from "./periode";

// Query of the report exports and the report page: /api/v1/ekspor/{xlsx,csv,pdf}, /ekspor.

const kosong = (v: unknown) => (v === "" || v === null ? undefined : v);

export const eksporQuery = z
  .object({
    wilayah: wilayahParam.default(""),
    tahun: tahunParam,
    /** Absent or empty: the full year. */
    bulan: z.preprocess(kosong, bulanParam.optional()),
    detail: z.preprocess(kosong, z.enum(["anak", "desa"], { message: EKSPOR_ERROR.detail }).default("anak")),
    indikator: z.preprocess(kosong, z.enum(["spm", "semua"], { message: EKSPOR_ERROR.indikator }).default("spm")),
    /** Indicator of the PDF bar chart (one with a sasaran). */
    grafik: z.preprocess(kosong, z.string().refine((k) => (getIndikator(k)?.jenis ?? "jumlah") !== "jumlah", EKSPOR_ERROR.grafik).optional()),
  })
  .refine((q) => !(q.detail === "desa" && q.wilayah === ""), { path: ["detail"], message: EKSPOR_ERROR.desaNasional });

export type EksporQuery = z.infer<typeof eksporQuery>;

/** DHIS2 dataValueSets: one month. */
export const dhis2Query = z.object({ wilayah: wilayahParam.default(""), tahun: tahunParam, bulan: bulanParam });

export const mappingQuery = z.object({
  indikator: z.preprocess(kosong, z.enum(["spm", "semua"], { message: EKSPOR_ERROR.indikator }).default("semua")),
});
