import "server-only";
import type { Tingkat } from "@/lib/wilayah/kode";
import type { WilayahNode } from "./wilayah";

// Which reads the rollup tables (rekap_nilai, rekap_sasaran, rekap_laporan; migrations
// 20261201000000_rekap_wilayah and 20261202100000_rekap_nilai_tahunan) can answer, and their WHERE clause.
// The rollups hold rows per provinsi, kabupaten and puskesmas (rekap_nilai also per desa, which also answers
// per kecamatan: its desa rows grouped by code prefix), kept exact by triggers in the writing transaction, so a read from them returns the same sums as the GROUP BY over the
// base tables. Units below a kabupaten (a kecamatan's or puskesmas's own total and desa, a desa) read the
// base tables through their indexes: a few thousand rows at most.

export type RekapTingkat = "provinsi" | "kabupaten" | "puskesmas" | "desa";

const DEPTH: Record<Tingkat, number> = { nasional: 0, provinsi: 1, kabupaten: 2, kecamatan: 3, puskesmas: 3, desa: 4 };

export interface RekapScope {
  /** The rollup rows to read (after `WHERE`), parameters numbered from `firstParam`. */
  sql: string;
  params: string[];
  /** Group by `kode` (one result per unit of `level`) or not (the unit itself). */
  perUnit: boolean;
  /** The unit's code when it is not the row's `kode` (kecamatan: the first 8 characters of a desa row's). */
  unitKey?: string;
}

function isRekapTingkat(t: Tingkat | null, table: RekapTable): t is RekapTingkat {
  return t === "provinsi" || t === "kabupaten" || t === "puskesmas" || (t === "desa" && table === "nilai");
}

/** The rollup table read: only rekap_nilai has a desa level. */
export type RekapTable = "nilai" | "sasaran" | "laporan";

/**
 * The rollup rows of `table` holding the sums of `node` (level null) or of each unit of `level` inside
 * `node`, or null when the base tables must answer.
 */
export function rekapScope(
  node: Pick<WilayahNode, "tingkat" | "kode" | "place">, level: Exclude<Tingkat, "nasional"> | null, firstParam: number, table: RekapTable,
): RekapScope | null {
  const p = (i: number) => `$${firstParam + i}`;
  if (level === null) {
    switch (node.tingkat) {
      case "nasional":
        return { sql: `tingkat = 'provinsi'`, params: [], perUnit: false };
      case "provinsi":
        return { sql: `tingkat = 'provinsi' AND provinsi_kode = ${p(0)} AND kabupaten_kode = '' AND kode = ${p(0)}`, params: [node.kode], perUnit: false };
      case "kabupaten":
        return {
          sql: `tingkat = 'kabupaten' AND provinsi_kode = ${p(0)} AND kabupaten_kode = ${p(1)} AND kode = ${p(1)}`,
          params: [node.place.provinsiKode ?? "", node.kode],
          perUnit: false,
        };
      default:
        return null;
    }
  }
  // The kecamatan of a kabupaten (or wider), e.g. its map: rekap_nilai's desa rows summed per kecamatan.
  if (level === "kecamatan" && table === "nilai" && DEPTH[node.tingkat] < DEPTH.kecamatan) {
    const desa = rekapScope(node, "desa", firstParam, table);
    return desa && { ...desa, unitKey: "left(kode, 8)" };
  }
  if (!isRekapTingkat(level, table) || DEPTH[level] <= DEPTH[node.tingkat]) return null;
  switch (node.tingkat) {
    case "nasional":
      return { sql: `tingkat = '${level}'`, params: [], perUnit: true };
    case "provinsi":
      return { sql: `tingkat = '${level}' AND provinsi_kode = ${p(0)}`, params: [node.kode], perUnit: true };
    case "kabupaten":
      return { sql: `tingkat = '${level}' AND provinsi_kode = ${p(0)} AND kabupaten_kode = ${p(1)}`, params: [node.place.provinsiKode ?? "", node.kode], perUnit: true };
    default:
      return null;
  }
}
