import { describe, expect, it } from "vitest";
import { parseNilai, validasiLaporan, type KonteksValidasi } from "@/lib/laporan/validasi";

const ctx = (over: Partial<KonteksValidasi> = {}): KonteksValidasi => ({ sasaran: {}, kumulatifSebelum: {}, riwayat: {}, ...over });

describe("parseNilai", () => {
  it.each([
    ["12", 12], [" 7 ", 7], ["0", 0], ["", null],
  ])("accepts %j", (raw, v) => expect(parseNilai(raw)).toEqual({ ok: true, value: v }));
  it.each(["-1", "1,5", "1.234", "abc", "1e3", "99999999999", "<b>1</b>", "١٢", "1 2"])("refuses %j with a message", (raw) => {
    const r = parseNilai(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
  });
});

describe("validasiLaporan", () => {
  it("unknown indicator is an error", () => {
    expect(validasiLaporan({ "XX-99": "1" }, ctx()).errors).toHaveProperty("XX-99");
  });

  it("a monthly kumulatif value above the annual sasaran warns", () => {
    const r = validasiLaporan({ "SPM-02": "11" }, ctx({ sasaran: { "SPM-02": 10 } }));
    expect(r.warnings["SPM-02"]).toMatch(/melebihi sasaran/);
  });

  it("cumulative realisasi above 120 % of sasaran warns (earlier months included)", () => {
    const r = validasiLaporan({ "SPM-02": "5" }, ctx({ sasaran: { "SPM-02": 100 }, kumulatifSebelum: { "SPM-02": 117 } }));
    expect(r.warnings["SPM-02"]).toMatch(/120 %/);
    expect(validasiLaporan({ "SPM-02": "3" }, ctx({ sasaran: { "SPM-02": 100 }, kumulatifSebelum: { "SPM-02": 117 } })).warnings).toEqual({});
  });

  it("R(SPM-01) above R(KIA-K1) and R(SPM-03) above R(KIA-KN1) warn", () => {
    const r = validasiLaporan({ "SPM-01": "5", "KIA-K1": "4", "SPM-03": "2", "KIA-KN1": "2" }, ctx());
    expect(Object.keys(r.warnings)).toEqual(["SPM-01"]);
  });

  it("a value more than 3× the median of the previous months is an outlier", () => {
    expect(validasiLaporan({ "PM-DIARE": "31" }, ctx({ riwayat: { "PM-DIARE": [10, 9, 11, 10] } })).warnings).toHaveProperty("PM-DIARE");
    expect(validasiLaporan({ "PM-DIARE": "30" }, ctx({ riwayat: { "PM-DIARE": [10, 9, 11, 10] } })).warnings).toEqual({});
    expect(validasiLaporan({ "PM-DIARE": "30" }, ctx({ riwayat: { "PM-DIARE": [1, 1] } })).warnings).toEqual({});
  });

  it("bulanan indicators compare the month's value, not a sum", () => {
    const r = validasiLaporan({ "GIZ-DS": "100" }, ctx({ sasaran: { "GIZ-DS": 100 }, kumulatifSebelum: { "GIZ-DS": 500 } }));
    expect(r.warnings).toEqual({});
  });
});
