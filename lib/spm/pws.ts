/**
 * PWS status of a desa for (indikator, tahun, bulan), the PWS-KIA rule (DOMAIN.md §6):
 *
 * | posisi | naik | tetap | turun  |
 * |--------|------|-------|--------|
 * | atas   | BAIK | BAIK  | KURANG |
 * | bawah  | CUKUP| JELEK | JELEK  |
 */
import type { Jenis } from "./catalog";
import { capaianRatio, targetLineRatio } from "./capaian";
import { assertCount } from "./guards";
import { compare } from "./rational";

export type PosisiPws = "atas" | "bawah";
export type TrenPws = "naik" | "tetap" | "turun";
export type StatusPws = "BAIK" | "KURANG" | "CUKUP" | "JELEK";

export interface Pws {
  posisi: PosisiPws;
  tren: TrenPws;
  status: StatusPws;
}

const STATUS: Readonly<Record<PosisiPws, Readonly<Record<TrenPws, StatusPws>>>> = {
  atas: { naik: "BAIK", tetap: "BAIK", turun: "KURANG" },
  bawah: { naik: "CUKUP", tetap: "JELEK", turun: "JELEK" },
};

/** v(m) against v(m−1) within the same year; for January the caller passes 0 as v(m−1). */
export function trenPws(valueThisMonth: number, valuePrevMonth: number): TrenPws {
  assertCount(valueThisMonth, "valueThisMonth");
  assertCount(valuePrevMonth, "valuePrevMonth");
  return valueThisMonth > valuePrevMonth ? "naik" : valueThisMonth < valuePrevMonth ? "turun" : "tetap";
}

/** The table cell for a position and trend. */
export function statusOf(posisi: PosisiPws, tren: TrenPws): StatusPws {
  return STATUS[posisi][tren];
}

/**
 * Position (C ≥ TL(m), exact), trend of the monthly values, and status. null when there is no sasaran
 * (null or 0) or the indicator is a jumlah. Decision for bulanan indicators (DOMAIN.md gives the rule
 * for kumulatif only): the line is the target itself (TL = T, as for "on track") and the trend compares
 * the month's values, so GIZ-DS at 86 % of balita with more weighed than last month is BAIK.
 * Higher is better throughout: the catalog has no "lower is better" indicator with a sasaran.
 */
export function statusPws(args: {
  jenis: Jenis;
  target: number;
  bulan: number;
  realisasi: number;
  sasaran: number | null;
  nilaiBulanIni: number;
  nilaiBulanLalu: number;
}): Pws | null {
  const line = targetLineRatio(args, args.bulan);
  const tren = trenPws(args.nilaiBulanIni, args.nilaiBulanLalu);
  const c = capaianRatio(args.realisasi, args.sasaran);
  if (c === null || args.jenis === "jumlah") return null;
  const posisi: PosisiPws = compare(c, line) >= 0 ? "atas" : "bawah";
  return { posisi, tren, status: statusOf(posisi, tren) };
}
