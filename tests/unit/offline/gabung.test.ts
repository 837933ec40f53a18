import { describe, expect, it } from "vitest";
import { pilihPonsel, setelahKirim, simpanEntri, type EntriAntrean, type EntriBaru, type NilaiServer } from "@/lib/offline/antrean";
import { dasarForm, gabung } from "@/lib/offline/gabung";

// "Pakai angka ponsel" applies only what the phone changed (typed ≠ dasar): another device's change to an
// indicator the phone never touched survives. The tester's case: SPM-07 57→41 on the phone, SPM-08 66→71 on
// another device meanwhile.

const T0 = new Date("2026-11-02T01:00:00.000Z");
const DASAR = { "SPM-06": "12", "SPM-07": "57", "SPM-08": "66", "SPM-09": "" };
const baru = (over: Partial<EntriBaru> = {}): EntriBaru => ({
  userId: "u", desaKode: "36.04.30.2001", desaNama: "Anyar", tahun: 2026, bulan: 10, versi: 3, aksi: "kirim",
  nilai: { ...DASAR, "SPM-07": "41" }, dasar: DASAR, konfirmasi: true, ...over,
});
const server = (nilai: Record<string, number>, over: Partial<NilaiServer> = {}): NilaiServer => ({ versi: 4, status: "DIKIRIM", nilai, ...over });
const konflik = (e: EntriAntrean, s: NilaiServer) => setelahKirim(e, { hasil: "konflik", terkunci: false, message: "diubah", server: s }, T0);

describe("a conflict of an entry with dasar", () => {
  const e = simpanEntri(undefined, baru(), T0);
  const s = server({ "SPM-06": 12, "SPM-07": 57, "SPM-08": 71 }); // another device: SPM-08 66 → 71

  it("lists only the indicators the phone changed, and counts the ones changed only on the server", () => {
    expect(gabung(e, s)).toEqual({
      diubah: ["SPM-07"], beda: ["SPM-07"], hanyaServer: ["SPM-08"],
      nilai: { "SPM-06": "12", "SPM-07": "41", "SPM-08": "71" },
    });
  });

  it("'Pakai angka ponsel' sends the server's values with only the phone's change, on the server's versi", () => {
    const k = konflik(e, s);
    expect(k).toMatchObject({ hapus: false, entri: { status: "konflik" } });
    if (k.hapus) return;
    const p = pilihPonsel(k.entri);
    expect(p).toMatchObject({ status: "menunggu", versi: 4, server: undefined });
    expect(p.nilai).toEqual({ "SPM-06": "12", "SPM-07": "41", "SPM-08": "71" }); // SPM-08 keeps the other device's 71
    // Its new dasar is the server's version it is now based on: a second conflict again shows only SPM-07.
    expect(p.dasar).toEqual({ "SPM-06": "12", "SPM-07": "57", "SPM-08": "71" });
    expect(gabung(p, server({ "SPM-06": 13, "SPM-07": 57, "SPM-08": 71 }, { versi: 5 })).diubah).toEqual(["SPM-07"]);
  });

  it("a value the phone cleared is sent cleared; a leading zero or spaces are no change", () => {
    const g = gabung({ nilai: { ...DASAR, "SPM-06": "", "SPM-08": " 066 " }, dasar: DASAR }, s);
    expect(g.diubah).toEqual(["SPM-06"]);
    expect(g.nilai).toEqual({ "SPM-06": "", "SPM-07": "57", "SPM-08": "71" });
  });

  it("nothing the phone changed differs from the server now (another device typed the same): done, no conflict", () => {
    expect(konflik(e, server({ "SPM-06": 12, "SPM-07": 41, "SPM-08": 71 }))).toEqual({ hapus: true, berhenti: false });
    // The phone changed nothing at all (saved the form as it was): done too.
    expect(konflik(simpanEntri(undefined, baru({ nilai: DASAR }), T0), s)).toEqual({ hapus: true, berhenti: false });
  });

  it("the same values but the phone submitted and the server holds a draft: sent again on the server's versi, not a conflict", () => {
    const k = konflik(e, server({ "SPM-06": 12, "SPM-07": 41, "SPM-08": 71 }, { status: "DRAFT" }));
    expect(k).toMatchObject({ hapus: false, berhenti: false, entri: { status: "menunggu", versi: 4, nilai: { "SPM-07": "41", "SPM-08": "71" } } });
  });

  it("typing the same report again keeps the dasar of the versi it was first based on", () => {
    const again = simpanEntri(e, baru({ versi: 9, nilai: { ...DASAR, "SPM-07": "40" }, dasar: { ...DASAR, "SPM-07": "41" } }), T0);
    expect(again).toMatchObject({ versi: 3, dasar: DASAR });
  });
});

describe("an entry of the earlier version (no dasar) keeps working as before", () => {
  const tanpa = baru({ nilai: { "SPM-06": "12", "SPM-07": "41", "SPM-08": "66" } });
  delete tanpa.dasar;
  const e = simpanEntri(undefined, tanpa, T0);
  const s = server({ "SPM-06": 12, "SPM-07": 57, "SPM-08": 71 });

  it("every value differing from the server counts as the phone's, and is what 'Pakai angka ponsel' sends", () => {
    expect(e.dasar).toBeUndefined();
    expect(gabung(e, s)).toEqual({ diubah: ["SPM-07", "SPM-08"], beda: ["SPM-07", "SPM-08"], hanyaServer: [], nilai: { "SPM-06": "12", "SPM-07": "41", "SPM-08": "66" } });
    const k = konflik(e, s);
    expect(k).toMatchObject({ hapus: false, entri: { status: "konflik", nilai: e.nilai } }); // not lost
    if (!k.hapus) expect(pilihPonsel(k.entri)).toMatchObject({ status: "menunggu", versi: 4, nilai: { "SPM-06": "12", "SPM-07": "41", "SPM-08": "66" } });
  });

  it("a server value the entry does not hold is cleared, as the earlier version did; equal values end it", () => {
    expect(gabung({ nilai: { "SPM-07": "41" } }, server({ "SPM-07": 41, "SPM-08": 71 })).nilai).toEqual({ "SPM-07": "41", "SPM-08": "" });
    expect(konflik(e, server({ "SPM-06": 12, "SPM-07": 41, "SPM-08": 66 }))).toEqual({ hapus: true, berhenti: false });
  });

  it("typing it again does not invent a dasar for its old versi", () => {
    expect(simpanEntri(e, baru(), T0)).toMatchObject({ versi: 3, dasar: undefined });
  });
});

describe("the dasar of the online form", () => {
  const awal = { "SPM-07": "57" };
  it("is the values the page opened with, those saved after a save in the page, the server's after a conflict", () => {
    expect(dasarForm({ status: "idle", versi: null, values: {} }, awal)).toBe(awal);
    expect(dasarForm({ status: "error", versi: null, values: { "SPM-07": "x" } }, awal)).toBe(awal);
    expect(dasarForm({ status: "ok", versi: 5, values: { "SPM-07": "41" } }, awal)).toEqual({ "SPM-07": "41" });
    expect(dasarForm({ status: "conflict", versi: 6, values: { "SPM-07": "41" }, terkini: { "SPM-07": 60 } }, awal)).toEqual({ "SPM-07": "60" });
  });
});
