import { describe, expect, it } from "vitest";
import { validasiLaporan, type KonteksValidasi } from "@/lib/laporan/validasi";
import { periksaLuring } from "@/lib/offline/periksa";

// The phone checks a save with the server's own schema and rules: same errors and warnings.
const konteks: KonteksValidasi = { sasaran: { "SPM-01": 10 }, kumulatifSebelum: { "SPM-01": 8 }, riwayat: {} };

function form(nilai: Record<string, string>, extra: Record<string, string> = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries({ desaKode: "36.04.30.2001", tahun: "2026", bulan: "10", versi: "2", aksi: "kirim", ...extra })) f.set(k, v);
  for (const [k, v] of Object.entries(nilai)) f.set(`nilai.${k}`, v);
  return f;
}

describe("checking a save on the phone", () => {
  it("gives the same errors as the server's validation", () => {
    const r = periksaLuring(form({ "SPM-01": "1,5", "KIA-K1": "-2" }), konteks);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(validasiLaporan({ "SPM-01": "1,5", "KIA-K1": "-2" }, konteks).errors);
  });

  it("needs the confirmation for the server's warnings (120 % of sasaran), then passes with them", () => {
    const r = periksaLuring(form({ "SPM-01": "5" }), konteks);
    expect(r).toMatchObject({ ok: false, warnings: validasiLaporan({ "SPM-01": "5" }, konteks).warnings });
    expect(Object.keys(r.warnings)).toEqual(["SPM-01"]);
    expect(periksaLuring(form({ "SPM-01": "5" }, { konfirmasi: "ya" }), konteks)).toMatchObject({ ok: true, input: { konfirmasi: true, versi: 2, aksi: "kirim" } });
  });

  it("a submitted report is not saved back to draft (the server's refusal, said on the phone)", () => {
    expect(periksaLuring(form({ "SPM-01": "1" }, { aksi: "draf", konfirmasi: "ya" }), konteks, "DIKIRIM")).toMatchObject({ ok: false, message: "Laporan sudah dikirim; simpan perubahan dengan tombol Kirim." });
    expect(periksaLuring(form({ "SPM-01": "1" }, { aksi: "draf", konfirmasi: "ya" }), konteks, "DRAFT").ok).toBe(true);
  });

  it("refuses what the form's zod schema refuses (a bad desa code, a missing action)", () => {
    expect(periksaLuring(form({}, { desaKode: "36.04" }), konteks)).toMatchObject({ ok: false, errors: { desaKode: "Kode desa tidak sah." } });
    const f = form({});
    f.delete("aksi");
    expect(periksaLuring(f, konteks).ok).toBe(false);
  });
});
