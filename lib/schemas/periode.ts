import { z } from "zod";
import "@/lib/i18n/zod";
import { lastFullMonth, type Bulan } from "@/lib/spm/periode";
import { tingkatOf } from "@/lib/wilayah/kode";

// Query parameters shared by the API, the CLI and the report pages.
export const wilayahParam = z
  .string()
  .trim()
  .max(20, "Kode wilayah terlalu panjang.")
  .refine((k) => tingkatOf(k) !== null, "Kode wilayah tidak sah (contoh: 36, 36.04, 36.04.30, 36.04.30.2001, P36043001).");

/** Only plain digits count as a number ("+5", "1e3", "0x1F", "5.0" do not): anything else becomes NaN. */
const digitsOnly = (v: unknown) => (typeof v === "string" && !/^\s*\d+\s*$/.test(v) ? Number.NaN : v);

export const tahunParam = z.preprocess(digitsOnly, z.coerce
  .number({ message: "Tahun harus berupa angka." })
  .int("Tahun harus bilangan bulat.")
  .min(2000, "Tahun di luar rentang 2000–2100.")
  .max(2100, "Tahun di luar rentang 2000–2100."));

export const bulanParam = z.preprocess(digitsOnly, z.coerce
  .number({ message: "Bulan harus berupa angka." })
  .int("Bulan harus bilangan bulat.")
  .min(1, "Bulan harus 1–12.")
  .max(12, "Bulan harus 1–12."));

export const spmQuery = z.object({ wilayah: wilayahParam.default(""), tahun: tahunParam, bulan: bulanParam });

/** The period a page shows: from its URL parameters, else the last full month before `today` (WIB). */
export function periodeFromParams(params: { tahun?: string | string[]; bulan?: string | string[] }, today: Bulan): Bulan {
  const fallback = lastFullMonth(today);
  const tahun = tahunParam.safeParse(params.tahun);
  const bulan = bulanParam.safeParse(params.bulan);
  return { tahun: tahun.success ? tahun.data : fallback.tahun, bulan: bulan.success ? bulan.data : fallback.bulan };
}
