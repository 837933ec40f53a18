import { describe, expect, it } from "vitest";
import { buildDataValueSet, dhis2MappingCsv, dhis2Period, parseDhis2Mapping, type NilaiBulanan } from "@/lib/report/dhis2";
import { parseCsv } from "@/lib/import/csv";
import { INDIKATOR } from "@/lib/spm/catalog";

const values: NilaiBulanan[] = [
  { desaKode: "36.04.30.2001", indikator: "SPM-01", tahun: 2026, bulan: 6, nilai: 12, updatedBy: "pkm.anyar@pantau.id", updatedAt: "2026-07-03T10:15:00.000" },
  { desaKode: "36.04.30.2002", indikator: "KIA-K1", tahun: 2026, bulan: 6, nilai: 0, updatedBy: null, updatedAt: null },
];

describe("DHIS2 dataValueSets", () => {
  it("period is yyyyMM, January and December padded", () => {
    expect(dhis2Period(2026, 1)).toBe("202601");
    expect(dhis2Period(2025, 12)).toBe("202512");
  });

  it("dataElement = indicator code, orgUnit = Kemendagri desa code, value a string; storedBy/lastUpdated only when known", () => {
    expect(buildDataValueSet(values)).toEqual({
      dataValues: [
        { dataElement: "SPM-01", period: "202606", orgUnit: "36.04.30.2001", value: "12", storedBy: "pkm.anyar@pantau.id", lastUpdated: "2026-07-03T10:15:00.000" },
        { dataElement: "KIA-K1", period: "202606", orgUnit: "36.04.30.2002", value: "0" },
      ],
    });
  });

  it("with a mapping, codes become UIDs and unmapped indicators are left out", () => {
    const set = buildDataValueSet(values, new Map([["SPM-01", "fbfJHSPpUQD"]]));
    expect(set.dataValues).toHaveLength(1);
    expect(set.dataValues[0]).toMatchObject({ dataElement: "fbfJHSPpUQD", orgUnit: "36.04.30.2001" });
  });
});

describe("DHIS2 mapping file", () => {
  it("lists every catalog indicator with an empty uid, BOM and the fixed header", () => {
    const csv = dhis2MappingCsv();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv);
    expect(rows[0].fields).toEqual(["pantau_indikator", "nama", "dhis2_dataElement_uid"]);
    expect(rows.slice(1).map((r) => r.fields[0])).toEqual(INDIKATOR.map((i) => i.kode));
    expect(rows.slice(1).every((r) => r.fields[2] === "")).toBe(true);
  });

  it("round-trips: a filled-in file gives the mapping, blank uids are skipped", () => {
    const filled = dhis2MappingCsv().replace("SPM-01,Pelayanan kesehatan ibu hamil,", "SPM-01,Pelayanan kesehatan ibu hamil,fbfJHSPpUQD");
    const { mapping, errors } = parseDhis2Mapping(filled);
    expect(errors).toEqual([]);
    expect([...mapping]).toEqual([["SPM-01", "fbfJHSPpUQD"]]);
  });

  it("reports unknown indicators, bad uids and duplicates with their line", () => {
    const text = "pantau_indikator,nama,dhis2_dataElement_uid\nSPM-99,x,abcdefghijk\nSPM-01,x,12345678901\nSPM-02,x,abcdefghijk\nSPM-02,x,abcdefghijl\n";
    const { errors } = parseDhis2Mapping(text);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^Baris 2: .*SPM-99/);
    expect(errors[1]).toMatch(/^Baris 3: .*12345678901/);
    expect(errors[2]).toMatch(/^Baris 5: .*SPM-02/);
  });

  it("refuses a file with other columns", () => {
    expect(parseDhis2Mapping("kode,uid\nSPM-01,abcdefghijk\n").errors).toHaveLength(1);
  });
});
