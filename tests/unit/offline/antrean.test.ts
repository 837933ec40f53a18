import { describe, expect, it } from "vitest";
import {
  bacaJawaban, idEntri, jedaCoba, konfirmasiPeringatan, pilihPonsel, setelahKirim, siapDikirim, simpanEntri, urutkan, type EntriAntrean, type EntriBaru,
} from "@/lib/offline/antrean";

const U = "user-a";
const baru = (over: Partial<EntriBaru> = {}): EntriBaru => ({
  userId: U, desaKode: "36.04.30.2001", desaNama: "Anyar", tahun: 2026, bulan: 10, versi: 3, aksi: "kirim", nilai: { "SPM-01": "4" }, konfirmasi: false, ...over,
});
const T0 = new Date("2026-11-02T01:00:00.000Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);

describe("outbox entries", () => {
  it("a save is keyed by user and report, waits, and records when it was typed and the versi it was typed on", () => {
    const e = simpanEntri(undefined, baru(), T0);
    expect(e).toMatchObject({ id: idEntri(U, "36.04.30.2001", 2026, 10), status: "menunggu", versi: 3, diketikAt: T0.toISOString(), percobaan: 0 });
    expect(idEntri("user-b", "36.04.30.2001", 2026, 10)).not.toBe(e.id);
  });

  it("typing the same report again replaces the values but keeps the versi it was first based on", () => {
    const first = simpanEntri(undefined, baru(), T0);
    const again = simpanEntri(first, baru({ versi: 7, nilai: { "SPM-01": "5" } }), at(60));
    expect(again.versi).toBe(3);
    expect(again.nilai).toEqual({ "SPM-01": "5" });
    expect(again.diketikAt).toBe(at(60).toISOString());
  });

  it("is sent oldest typed first, ties broken by id, skipping conflicts, refusals and entries inside their backoff", () => {
    const a = simpanEntri(undefined, baru({ desaKode: "36.04.30.2002" }), at(10));
    const b = simpanEntri(undefined, baru({ desaKode: "36.04.30.2001" }), at(5));
    const c = simpanEntri(undefined, baru({ desaKode: "36.04.30.2003" }), at(5));
    const konflik: EntriAntrean = { ...simpanEntri(undefined, baru({ desaKode: "36.04.30.2004" }), at(1)), status: "konflik" };
    const tunggu: EntriAntrean = { ...simpanEntri(undefined, baru({ desaKode: "36.04.30.2005" }), at(2)), cobaLagiAt: at(100).toISOString() };
    expect(urutkan([a, b, c]).map((e) => e.desaKode)).toEqual(["36.04.30.2001", "36.04.30.2003", "36.04.30.2002"]);
    expect(siapDikirim([a, konflik, tunggu, c, b], at(50)).map((e) => e.desaKode)).toEqual(["36.04.30.2001", "36.04.30.2003", "36.04.30.2002"]);
    expect(siapDikirim([tunggu], at(100)).map((e) => e.desaKode)).toEqual(["36.04.30.2005"]);
  });

  it("backs off 2 s, 4 s, 8 s … capped at 5 minutes", () => {
    expect([1, 2, 3, 4].map(jedaCoba)).toEqual([2000, 4000, 8000, 16000]);
    expect(jedaCoba(30)).toBe(300_000);
  });
});

describe("answers of the server", () => {
  const e = simpanEntri(undefined, baru(), T0);
  const server = { versi: 5, status: "DIKIRIM" as const, nilai: { "SPM-01": 7 } };

  it("saved: removed from the phone; network failure: kept, retried later, and later entries wait (order)", () => {
    expect(setelahKirim(e, { hasil: "ok", versi: 4, status: "DIKIRIM" }, T0)).toEqual({ hapus: true, berhenti: false });
    const gagal = setelahKirim(e, { hasil: "jaringan" }, T0);
    expect(gagal).toMatchObject({ hapus: false, berhenti: true, entri: { status: "menunggu", percobaan: 1, cobaLagiAt: at(2).toISOString() } });
  });

  it("expired session: kept unchanged and sending stops until the user logs in again", () => {
    expect(setelahKirim(e, { hasil: "sesi" }, T0)).toMatchObject({ hapus: false, berhenti: true, entri: { status: "menunggu", percobaan: 0, nilai: e.nilai } });
  });

  it("conflict: kept with the server's values beside the phone's; nothing dropped", () => {
    const k = setelahKirim(e, { hasil: "konflik", terkunci: false, message: "diubah", server }, T0);
    expect(k).toMatchObject({ hapus: false, berhenti: false, entri: { status: "konflik", server, nilai: e.nilai } });
  });

  it("a conflict with a server that already holds exactly the entry (an earlier send arrived, its answer was lost) ends it", () => {
    const sama = { versi: 4, status: "DIKIRIM" as const, nilai: { "SPM-01": 4 } };
    expect(setelahKirim(e, { hasil: "konflik", terkunci: false, message: "diubah", server: sama }, T0)).toEqual({ hapus: true, berhenti: false });
    // Verified since, with the phone's values: nothing left to send either.
    expect(setelahKirim(e, { hasil: "konflik", terkunci: true, message: "diverifikasi", server: { ...sama, status: "DIVERIFIKASI" } }, T0)).toEqual({ hapus: true, berhenti: false });
    expect(setelahKirim(e, { hasil: "konflik", terkunci: false, message: "diubah", server: { ...sama, nilai: { "SPM-01": 4, "KIA-K1": 1 } } }, T0)).toMatchObject({ hapus: false });
  });

  it("keeping the phone's values re-sends them on the server's versi; a verified report cannot be overwritten", () => {
    const k = { ...e, status: "konflik" as const, server };
    expect(pilihPonsel(k)).toMatchObject({ status: "menunggu", versi: 5, nilai: e.nilai, server: undefined });
    const terkunci = { ...k, server: { ...server, status: "DIVERIFIKASI" as const } };
    expect(pilihPonsel(terkunci)).toBe(terkunci);
  });

  it("refused for warnings: confirming sends it again with the confirmation", () => {
    const d = setelahKirim(e, { hasil: "ditolak", message: "Ada peringatan", warnings: { "SPM-01": "x" }, errors: {} }, T0);
    expect(d).toMatchObject({ hapus: false, entri: { status: "ditolak", peringatan: { "SPM-01": "x" } } });
    if (!d.hapus) expect(konfirmasiPeringatan(d.entri)).toMatchObject({ status: "menunggu", konfirmasi: true, peringatan: undefined });
  });

  it("reads HTTP answers: 5xx/408/429 and no answer are network failures, 401 the session, 409 a conflict, 422 a refusal", () => {
    expect(bacaJawaban(null, null)).toEqual({ hasil: "jaringan" });
    expect(bacaJawaban(503, {})).toEqual({ hasil: "jaringan" });
    expect(bacaJawaban(408, {})).toEqual({ hasil: "jaringan" });
    expect(bacaJawaban(401, {})).toEqual({ hasil: "sesi" });
    expect(bacaJawaban(200, { hasil: "ok", versi: 2, status: "DIKIRIM" })).toEqual({ hasil: "ok", versi: 2, status: "DIKIRIM" });
    expect(bacaJawaban(409, { hasil: "konflik", terkunci: true, message: "m", server })).toEqual({ hasil: "konflik", terkunci: true, message: "m", server });
    expect(bacaJawaban(422, { hasil: "ditolak", message: "m", warnings: { a: "b" }, errors: {} })).toMatchObject({ hasil: "ditolak", warnings: { a: "b" } });
    expect(bacaJawaban(403, { error: { code: "FORBIDDEN", message: "Wilayah ini di luar cakupan akun Anda." } })).toMatchObject({ hasil: "ditolak", message: "Wilayah ini di luar cakupan akun Anda." });
  });
});
