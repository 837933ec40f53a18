import { describe, expect, it } from "vitest";
import { riwayatTanpaDraf, type EntriRiwayat } from "@/lib/laporan/riwayat";

// The history of a report as a dinkes user reads it: as if the puskesmas's drafts never existed.
const K = "36.04.30.2005/2026/11";
let t = 0;
const at = () => new Date(Date.UTC(2026, 10, 1, 0, 0, ++t));
const status = (when: Date, lama: string | null, baru: string, user = "pkm@x"): EntriRiwayat => ({ at: when, user_email: user, aksi: "status", entitas: "laporan", kunci: K, lama, baru, sumber: "formulir" });
const nilai = (when: Date, ind: string, lama: number | null, baru: number | null, user = "pkm@x"): EntriRiwayat => ({
  at: when, user_email: user, aksi: lama === null ? "tambah" : baru === null ? "hapus" : "ubah", entitas: "nilai", kunci: `${K}/${ind}`, lama, baru, sumber: "formulir",
});
const brief = (es: EntriRiwayat[]) => es.map((e) => `${e.entitas === "laporan" ? "status" : e.kunci.split("/").pop()} ${e.aksi} ${JSON.stringify(e.lama)}→${JSON.stringify(e.baru)}`);

describe("riwayatTanpaDraf", () => {
  it("a draft of 777 submitted as 5: others see SPM-01 added as 5 at the submission, never 777", () => {
    const s1 = at(), s2 = at(), s3 = at();
    const log = [status(s1, null, "DRAFT"), nilai(s1, "SPM-01", null, 777), nilai(s1, "SPM-02", null, 3), nilai(s2, "SPM-02", 3, 4), status(s3, "DRAFT", "DIKIRIM"), nilai(s3, "SPM-01", 777, 5)];
    const r = riwayatTanpaDraf(log);
    expect(brief(r)).toEqual(["status status null→\"DIKIRIM\"", "SPM-01 tambah null→5", "SPM-02 tambah null→4"]);
    expect(r.every((e) => e.at.getTime() === s3.getTime())).toBe(true);
    expect(JSON.stringify(r)).not.toContain("777");
  });

  it("a draft submitted unchanged still shows its values as added at the submission", () => {
    const s1 = at(), s2 = at();
    expect(brief(riwayatTanpaDraf([status(s1, null, "DRAFT"), nilai(s1, "PM-DBD", null, 4), status(s2, "DRAFT", "DIKIRIM")]))).toEqual([
      "status status null→\"DIKIRIM\"",
      "PM-DBD tambah null→4",
    ]);
  });

  it("a report returned, reworked as a draft (a value removed, another changed twice) and resubmitted: changes from what dinkes last saw", () => {
    const s1 = at(), s2 = at(), s3 = at(), s4 = at(), s5 = at();
    const log = [
      status(s1, null, "DIKIRIM"), nilai(s1, "SPM-01", null, 10), nilai(s1, "SPM-02", null, 2),
      { ...status(s2, "DIKIRIM", "x", "dinkes@x"), aksi: "kembalikan", lama: "DIKIRIM", baru: { status: "DIKEMBALIKAN", alasan: "cek" }, sumber: "verifikasi" },
      status(s3, "DIKEMBALIKAN", "DRAFT"), nilai(s3, "SPM-01", 10, 900), nilai(s3, "SPM-02", 2, null),
      nilai(s4, "SPM-01", 900, 11),
      status(s5, "DRAFT", "DIKIRIM"),
    ];
    expect(brief(riwayatTanpaDraf(log))).toEqual([
      "status status null→\"DIKIRIM\"", "SPM-01 tambah null→10", "SPM-02 tambah null→2",
      "status kembalikan \"DIKIRIM\"→{\"status\":\"DIKEMBALIKAN\",\"alasan\":\"cek\"}",
      "status status \"DIKEMBALIKAN\"→\"DIKIRIM\"", "SPM-01 ubah 10→11", "SPM-02 hapus 2→null",
    ]);
  });

  it("changes to a submitted report show as they were; a report that is a draft again shows nothing of it", () => {
    const s1 = at(), s2 = at(), s3 = at();
    const log = [status(s1, null, "DIKIRIM"), nilai(s1, "SPM-01", null, 1), nilai(s2, "SPM-01", 1, 2), status(s3, "DIKIRIM", "DRAFT"), nilai(s3, "SPM-01", 2, 3)];
    expect(brief(riwayatTanpaDraf(log))).toEqual(["status status null→\"DIKIRIM\"", "SPM-01 tambah null→1", "SPM-01 ubah 1→2"]);
  });
});
