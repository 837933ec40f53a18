import { bulanParam, tahunParam } from "@/lib/schemas/periode";

// The period a dashboard shows: from URL parameters, else the last full month before today (WIB).

export function todayWib(now = new Date()): { tahun: number; bulan: number; hari: number } {
  const wib = new Date(now.getTime() + 7 * 3600_000);
  return { tahun: wib.getUTCFullYear(), bulan: wib.getUTCMonth() + 1, hari: wib.getUTCDate() };
}

export function lastFullMonth(today: { tahun: number; bulan: number }): { tahun: number; bulan: number } {
  return today.bulan === 1 ? { tahun: today.tahun - 1, bulan: 12 } : { tahun: today.tahun, bulan: today.bulan - 1 };
}

export function periodeFromParams(params: { tahun?: string | string[]; bulan?: string | string[] }, today: { tahun: number; bulan: number }) {
  const fallback = lastFullMonth(today);
  const tahun = tahunParam.safeParse(params.tahun);
  const bulan = bulanParam.safeParse(params.bulan);
  return { tahun: tahun.success ? tahun.data : fallback.tahun, bulan: bulan.success ? bulan.data : fallback.bulan };
}
