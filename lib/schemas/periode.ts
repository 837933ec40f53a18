import { z } from "zod";
import "@/lib/i18n/zod";
import { lastFullMonth, type Bulan } from "@/lib/spm/periode";
import { tingkatOf } from "@/lib/wilayah/kode";
import { firstOf } from "./query";

// Query parameters shared by the API, the CLI and the report pages.
export const wilayahParam = z
  .string()
  .trim()
  .max(20, "Kode wilayah terlalu panjang.")
  .refine((k) => tingkatOf(k) !== null, "Kode wilayah tidak sah (contoh: 36, 36.04, 36.04.30, 36.04.30.2001, P36043001).");

/** A whole number from a query parameter: only plain digits count as one ("+5", "1e3", "0x1F", "5.0" do
 *  not); a missing or empty parameter is told apart from one that is not a number. */
function angkaParam(nama: string, min: number, max: number, rentang: string) {
  const toNumber = (v: unknown) => {
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return undefined;
    if (typeof v === "number") return v;
    return typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  };
  return z.preprocess(
    toNumber,
    z
      .number({ error: (issue) => (issue.input === undefined ? `${nama} wajib diisi (${rentang}).` : `${nama} harus berupa angka.`) })
      .int(`${nama} harus bilangan bulat.`)
      .min(min, `${nama} di luar rentang ${rentang}.`)
      .max(max, `${nama} di luar rentang ${rentang}.`),
  );
}

export const tahunParam = angkaParam("Tahun", 2000, 2100, "2000–2100");
export const bulanParam = angkaParam("Bulan", 1, 12, "1–12");

export const spmQuery = z.object({ wilayah: wilayahParam.default(""), tahun: tahunParam, bulan: bulanParam });

/** The period a page shows: from its URL parameters (the first of a repeated one), else the last full month before `today` (WIB). */
export function periodeFromParams(params: { tahun?: string | string[]; bulan?: string | string[] }, today: Bulan): Bulan {
  const fallback = lastFullMonth(today);
  const tahun = tahunParam.safeParse(firstOf(params.tahun));
  const bulan = bulanParam.safeParse(firstOf(params.bulan));
  return { tahun: tahun.success ? tahun.data : fallback.tahun, bulan: bulan.success ? bulan.data : fallback.bulan };
}
