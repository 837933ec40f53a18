import type { KonteksValidasi } from "@/lib/laporan/validasi";

// What a puskesmas's phone keeps to enter monthly reports without signal (issue 16): its desa, and for each
// the reports of the last two months with the validation context the server would use (sasaran of the
// year, counted running totals, recent values). The indicator catalog travels in the app's code
// (lib/spm/catalog). Served by GET /api/v1/offline/paket (lib/data/offline.ts), kept in IndexedDB.

export type StatusLaporanPaket = "DRAFT" | "DIKIRIM" | "DIVERIFIKASI" | "DIKEMBALIKAN";

/** A month the running totals do not count, and why (its status; null: no report). */
export interface BulanBelumDihitung {
  bulan: number;
  status: StatusLaporanPaket | null;
}

export interface PaketLaporan {
  tahun: number;
  bulan: number;
  status: StatusLaporanPaket | null;
  /** The report's version when the package was made: an entry typed from it is based on this. */
  versi: number;
  nilai: Record<string, number>;
  konteks: KonteksValidasi;
  /** Earlier months of the year the running totals do not count (not sent), as the online form lists them.
   *  Missing in packages kept before it was added: then nothing is listed until the next refresh. */
  belumDihitung?: BulanBelumDihitung[];
}

export interface PaketDesa {
  kode: string;
  /** A hash of this desa's part (name and reports): a refresh sends only the desa whose part changed. */
  tanda: string;
  nama: string;
  laporan: PaketLaporan[];
}

/** A desa the phone already holds unchanged: sent as its code and hash only. */
export interface PaketDesaSama {
  kode: string;
  tanda: string;
  sama: true;
}

/** What GET /api/v1/offline/paket sends: the package, with the desa the phone holds unchanged left out. */
export interface KirimanPaket extends Omit<PaketOffline, "desa"> {
  desa: (PaketDesa | PaketDesaSama)[];
}

export interface PaketOffline {
  userId: string;
  puskesmas: { kode: string; nama: string };
  /** The months kept, newest first. */
  periode: { tahun: number; bulan: number }[];
  desa: PaketDesa[];
}

/** The report of a desa and month in the package, or null when the package does not hold it. */
export function laporanDariPaket(paket: PaketOffline, desaKode: string, tahun: number, bulan: number): { desa: PaketDesa; laporan: PaketLaporan } | null {
  const desa = paket.desa.find((d) => d.kode === desaKode);
  const laporan = desa?.laporan.find((l) => l.tahun === tahun && l.bulan === bulan);
  return desa && laporan ? { desa, laporan } : null;
}

/** The `punya` query of a refresh: the hash of each desa the phone holds ("kode:tanda,…"). */
export function punyaQuery(paket: PaketOffline): string {
  return paket.desa.map((d) => `${d.kode}:${d.tanda}`).join(",");
}

export function bacaPunya(query: string | null): Map<string, string> {
  const punya = new Map<string, string>();
  for (const part of (query ?? "").split(",").slice(0, 500)) {
    const [kode, tanda] = part.split(":");
    if (kode && tanda) punya.set(kode, tanda);
  }
  return punya;
}

/** The server's answer to a refresh: every desa, but those the phone holds with the same hash as code + hash only. */
export function kirimanPaket(paket: PaketOffline, punya: ReadonlyMap<string, string>): KirimanPaket {
  return { ...paket, desa: paket.desa.map((d) => (punya.get(d.kode) === d.tanda ? { kode: d.kode, tanda: d.tanda, sama: true as const } : d)) };
}

/** The phone's package after a refresh: unchanged desa from what it held; null when the answer names a desa
 *  as unchanged that the phone does not hold (then it asks for the whole package). */
export function gabungKiriman(lama: PaketOffline | null, kiriman: KirimanPaket): PaketOffline | null {
  const desa: PaketDesa[] = [];
  for (const d of kiriman.desa) {
    if (!("sama" in d)) {
      desa.push(d);
      continue;
    }
    const held = lama?.desa.find((x) => x.kode === d.kode && x.tanda === d.tanda);
    if (!held) return null;
    desa.push(held);
  }
  return { ...kiriman, desa };
}
