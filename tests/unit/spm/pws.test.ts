import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { statusOf, statusPws, trenPws } from "@/lib/spm/pws";

const base = { jenis: "kumulatif", target: 100, bulan: 6, sasaran: 1200 } as const;

describe("trenPws", () => {
  it("naik when this month's value is higher", () => expect(trenPws(5, 4)).toBe("naik"));
  it("tetap when equal (0 and 0 included)", () => {
    expect(trenPws(4, 4)).toBe("tetap");
    expect(trenPws(0, 0)).toBe("tetap");
  });
  it("turun when lower", () => expect(trenPws(3, 4)).toBe("turun"));
  it("January compares with 0: any value is naik, 0 is tetap", () => {
    expect(trenPws(1, 0)).toBe("naik");
    expect(trenPws(0, 0)).toBe("tetap");
  });
  it("rejects negative or NaN values", () => {
    expect(() => trenPws(-1, 0)).toThrow(RangeError);
    expect(() => trenPws(Number.NaN, 0)).toThrow(RangeError);
  });
});

describe("statusPws: the PWS-KIA table, all 6 cells", () => {
  // June, S = 1200: TL(6) = 50 %, so R = 600 is on the line (atas) and R = 599 is below (bawah).
  const cases = [
    [600, 11, 10, "atas", "naik", "BAIK"],
    [600, 10, 10, "atas", "tetap", "BAIK"],
    [600, 9, 10, "atas", "turun", "KURANG"],
    [599, 11, 10, "bawah", "naik", "CUKUP"],
    [599, 10, 10, "bawah", "tetap", "JELEK"],
    [599, 9, 10, "bawah", "turun", "JELEK"],
  ] as const;
  for (const [realisasi, ini, lalu, posisi, tren, status] of cases) {
    it(`${posisi} target + ${tren} → ${status} (R=${realisasi}, v(m)=${ini}, v(m−1)=${lalu})`, () => {
      expect(statusPws({ ...base, realisasi, nilaiBulanIni: ini, nilaiBulanLalu: lalu })).toEqual({ posisi, tren, status });
    });
  }

  it("statusOf gives the same table", () => {
    expect([statusOf("atas", "naik"), statusOf("atas", "tetap"), statusOf("atas", "turun")]).toEqual(["BAIK", "BAIK", "KURANG"]);
    expect([statusOf("bawah", "naik"), statusOf("bawah", "tetap"), statusOf("bawah", "turun")]).toEqual(["CUKUP", "JELEK", "JELEK"]);
  });
});

describe("statusPws edges", () => {
  it("sasaran 0 → null", () => {
    expect(statusPws({ ...base, sasaran: 0, realisasi: 5, nilaiBulanIni: 1, nilaiBulanLalu: 0 })).toBeNull();
  });

  it("sasaran null → null", () => {
    expect(statusPws({ ...base, sasaran: null, realisasi: 5, nilaiBulanIni: 1, nilaiBulanLalu: 0 })).toBeNull();
  });

  it("jumlah → null", () => {
    expect(statusPws({ ...base, jenis: "jumlah", target: 0, realisasi: 5, nilaiBulanIni: 1, nilaiBulanLalu: 0 })).toBeNull();
  });

  it("January: TL(1) = 8.33 %, previous month 0 (100 of 1200 with v = 100 → atas, naik, BAIK)", () => {
    expect(statusPws({ ...base, bulan: 1, realisasi: 100, nilaiBulanIni: 100, nilaiBulanLalu: 0 })).toEqual({ posisi: "atas", tren: "naik", status: "BAIK" });
    expect(statusPws({ ...base, bulan: 1, realisasi: 99, nilaiBulanIni: 99, nilaiBulanLalu: 0 })).toEqual({ posisi: "bawah", tren: "naik", status: "CUKUP" });
  });

  it("December: the line is 100 % (1199 of 1200 is bawah)", () => {
    expect(statusPws({ ...base, bulan: 12, realisasi: 1199, nilaiBulanIni: 0, nilaiBulanLalu: 0 })?.status).toBe("JELEK");
  });

  it("capaian above 100 % is atas", () => {
    expect(statusPws({ ...base, bulan: 12, realisasi: 1500, nilaiBulanIni: 1, nilaiBulanLalu: 2 })).toEqual({ posisi: "atas", tren: "turun", status: "KURANG" });
  });

  it("bulanan uses the target itself as the line (GIZ-DS: 85 of 100 atas, 84 bawah)", () => {
    const ds = { jenis: "bulanan", target: 85, bulan: 4, sasaran: 100 } as const;
    expect(statusPws({ ...ds, realisasi: 85, nilaiBulanIni: 85, nilaiBulanLalu: 80 })).toEqual({ posisi: "atas", tren: "naik", status: "BAIK" });
    expect(statusPws({ ...ds, realisasi: 84, nilaiBulanIni: 84, nilaiBulanLalu: 90 })).toEqual({ posisi: "bawah", tren: "turun", status: "JELEK" });
  });

  it("property: status is always the table cell of its own posisi and tren", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 5000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 12 }), fc.nat({ max: 500 }), fc.nat({ max: 500 }),
        (realisasi, sasaran, bulan, ini, lalu) => {
          const r = statusPws({ jenis: "kumulatif", target: 100, bulan, realisasi, sasaran, nilaiBulanIni: ini, nilaiBulanLalu: lalu });
          expect(r).not.toBeNull();
          expect(r?.status).toBe(statusOf(r!.posisi, r!.tren));
          expect(r?.posisi).toBe(12 * realisasi >= bulan * sasaran ? "atas" : "bawah");
        },
      ),
    );
  });
});
