import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { PaketOffline } from "@/lib/offline/paket";
import { bacaPaket, hapusDataPengguna, paketDicek, setPenggunaAktif, simpanPaket, tandaiPaketDicek } from "@/lib/offline/store";

// "Keluar" while the offline package downloads (the phone helper's reading of segarkanPaket): the download
// may end after the logout emptied the store, and must not put the user's data back on a shared phone.
// hapusDataPengguna asks the service worker and the caches: neither exists here.
(globalThis as { navigator?: object }).navigator ??= {};

const paket = (userId: string): PaketOffline => ({ userId, puskesmas: { kode: "P36043001", nama: "Anyar" }, periode: [{ tahun: 2026, bulan: 7 }], desa: [] });

describe("the offline package and a logout", () => {
  it("is stored for the user of this browser", async () => {
    await setPenggunaAktif("u-1");
    expect(await simpanPaket(paket("u-1"), "e1")).toBe(true);
    expect(await tandaiPaketDicek("u-1", 123)).toBe(true);
    expect((await bacaPaket("u-1"))?.etag).toBe("e1");
    expect(await paketDicek("u-1")).toBe(123);
  });

  it("is not stored when 'Keluar' emptied the store while it downloaded, nor its check time", async () => {
    await setPenggunaAktif("u-2");
    await hapusDataPengguna("u-2");
    expect(await simpanPaket(paket("u-2"), "e2")).toBe(false);
    expect(await tandaiPaketDicek("u-2", 456)).toBe(false);
    expect(await bacaPaket("u-2")).toBeNull();
    expect(await paketDicek("u-2")).toBe(0);
  });

  it("is not stored for a user other than the one of this browser", async () => {
    await setPenggunaAktif("u-3");
    expect(await simpanPaket(paket("u-4"), "e4")).toBe(false);
    expect(await bacaPaket("u-4")).toBeNull();
  });
});
