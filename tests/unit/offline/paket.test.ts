import { describe, expect, it } from "vitest";
import { bacaPunya, gabungKiriman, kirimanPaket, punyaQuery, type PaketDesa, type PaketOffline } from "@/lib/offline/paket";

// A refresh of the offline package carries only the desa whose part changed (issue 16: "only what changed").

const desa = (kode: string, tanda: string, versi = 1): PaketDesa => ({ kode, tanda, nama: `Desa ${kode}`, laporan: [{ tahun: 2026, bulan: 10, status: "DIKIRIM", versi, nilai: { "SPM-01": versi }, konteks: {} as never }] });
const paket = (list: PaketDesa[]): PaketOffline => ({ userId: "u1", puskesmas: { kode: "P1", nama: "Puskesmas" }, periode: [{ tahun: 2026, bulan: 10 }], desa: list });

describe("refresh of the offline package", () => {
  it("sends unchanged desa as code and hash only, changed and new ones whole", () => {
    const server = paket([desa("A", "a1"), desa("B", "b2", 2), desa("C", "c1")]);
    const kiriman = kirimanPaket(server, bacaPunya("A:a1,B:b1"));
    expect(kiriman.desa).toEqual([{ kode: "A", tanda: "a1", sama: true }, server.desa[1], server.desa[2]]);
    expect(JSON.stringify(kiriman).length).toBeLessThan(JSON.stringify(server).length);
  });

  it("the phone rebuilds the whole package from what it held and what came", () => {
    const lama = paket([desa("A", "a1"), desa("B", "b1")]);
    const server = paket([desa("A", "a1"), desa("B", "b2", 2)]);
    expect(gabungKiriman(lama, kirimanPaket(server, bacaPunya(punyaQuery(lama))))).toEqual(server);
  });

  it("a desa the phone no longer holds drops out; one named unchanged that it does not hold asks for the whole package", () => {
    const lama = paket([desa("A", "a1"), desa("Z", "z1")]);
    const server = paket([desa("A", "a1")]);
    expect(gabungKiriman(lama, kirimanPaket(server, bacaPunya(punyaQuery(lama))))).toEqual(server);
    expect(gabungKiriman(null, kirimanPaket(server, bacaPunya("A:a1")))).toBeNull();
    expect(gabungKiriman(paket([desa("A", "a0")]), kirimanPaket(server, bacaPunya("A:a1")))).toBeNull();
  });

  it("reads a hostile or empty punya as nothing held", () => {
    expect(bacaPunya(null).size).toBe(0);
    expect(bacaPunya(":,A,:x,B:b").size).toBe(1);
    expect(bacaPunya(Array.from({ length: 2000 }, (_, i) => `K${i}:t`).join(",")).size).toBe(500);
  });
});
