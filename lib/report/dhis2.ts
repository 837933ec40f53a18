import { DHIS2 } from "@/lib/i18n/ekspor";
import { parseCsv } from "@/lib/import/csv";
import { getIndikator, INDIKATOR, type Indikator } from "@/lib/spm/catalog";
import { csvRow } from "./csv-field";

// DHIS2 interchange (docs/interop.md): monthly values as a `dataValueSets` payload, keyed like DHIS2's
// DataValue by data element + period (yyyyMM) + org unit, and the mapping file that lets an admin
// replace Pantau's indicator codes by DHIS2 data element UIDs.

/** One counted monthly value of a desa, as lib/data/dhis2-export reads it. */
export interface NilaiBulanan {
  desaKode: string;
  indikator: string;
  tahun: number;
  bulan: number;
  nilai: number;
  /** Who last stored it (email), when known. */
  updatedBy: string | null;
  /** ISO 8601 without zone, e.g. "2026-07-03T10:15:00.000". */
  updatedAt: string | null;
}

export interface DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
  storedBy?: string;
  lastUpdated?: string;
}

export interface DataValueSet {
  dataValues: DataValue[];
}

/** DHIS2 MonthlyPeriodType code: 2026, 6 → "202606". */
export function dhis2Period(tahun: number, bulan: number): string {
  return `${tahun}${String(bulan).padStart(2, "0")}`;
}

/**
 * The dataValueSets body. dataElement is the indicator code, or with a mapping its DHIS2 UID (indicators
 * the mapping leaves without a UID are left out: DHIS2 would reject them); orgUnit is the Kemendagri desa
 * code; value is a string as in DHIS2's own payloads.
 */
export function buildDataValueSet(values: readonly NilaiBulanan[], mapping?: ReadonlyMap<string, string>): DataValueSet {
  const dataValues: DataValue[] = [];
  for (const v of values) {
    const dataElement = mapping ? mapping.get(v.indikator) : v.indikator;
    if (!dataElement) continue;
    const dv: DataValue = { dataElement, period: dhis2Period(v.tahun, v.bulan), orgUnit: v.desaKode, value: String(v.nilai) };
    if (v.updatedBy) dv.storedBy = v.updatedBy;
    if (v.updatedAt) dv.lastUpdated = v.updatedAt;
    dataValues.push(dv);
  }
  return { dataValues };
}

/** The mapping file to fill in: `pantau_indikator,nama,dhis2_dataElement_uid`, one row per indicator, UIDs empty. */
export function dhis2MappingCsv(indikator: readonly Indikator[] = INDIKATOR): string {
  const lines = [DHIS2.mappingHeader.join(","), ...indikator.map((i) => csvRow([i.kode, i.nama, ""]))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

/** Reads a filled-in mapping file: indicator code → UID for the rows that have one; errors name their line. */
export function parseDhis2Mapping(text: string): { mapping: Map<string, string>; errors: string[] } {
  const mapping = new Map<string, string>();
  const errors: string[] = [];
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    return { mapping, errors: [error instanceof Error ? error.message : String(error)] };
  }
  const [header, ...body] = rows;
  if (!header || header.fields.map((f) => f.trim()).join(",") !== DHIS2.mappingHeader.join(",")) return { mapping, errors: [DHIS2.mappingKolom] };
  const seen = new Set<string>();
  for (const { line, fields } of body) {
    const kode = (fields[0] ?? "").trim();
    const uid = (fields[2] ?? "").trim();
    if (!getIndikator(kode)) errors.push(DHIS2.mappingBaris(line, DHIS2.mappingIndikatorTakDikenal(kode)));
    else if (seen.has(kode)) errors.push(DHIS2.mappingBaris(line, DHIS2.mappingGanda(kode)));
    else if (uid && !UID.test(uid)) errors.push(DHIS2.mappingBaris(line, DHIS2.mappingUidTidakSah(uid)));
    else if (uid) mapping.set(kode, uid);
    seen.add(kode);
  }
  return { mapping, errors };
}
