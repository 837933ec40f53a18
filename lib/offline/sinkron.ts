import { bacaJawaban, setelahKirim, siapDikirim, urutkan, type EntriAntrean } from "./antrean";
import { bacaPaket, daftarAntrean, hapusEntri, kabarkanAntrean, paketDicek, simpanPaket, tandaiPaketDicek, tulisEntri } from "./store";
import { gabungKiriman, punyaQuery, type KirimanPaket } from "./paket";

// Browser side of the sync (issue 16): sends the outbox one report per request, oldest first, through
// POST /api/v1/offline/kirim (the form's own save), and refreshes the offline package (ETag: an unchanged
// package costs a 304 without body).

let berjalan: Promise<RingkasanKirim> | null = null;

export interface RingkasanKirim {
  terkirim: number;
  sisa: number;
  /** The session ended: log in again to send (the outbox is kept). */
  perluMasuk: boolean;
  /** Earliest time (ms) a failed entry may be tried again. */
  cobaLagi: number | null;
}

async function kirimSatu(e: EntriAntrean): Promise<ReturnType<typeof bacaJawaban>> {
  try {
    const res = await fetch("/api/v1/offline/kirim", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ desaKode: e.desaKode, tahun: e.tahun, bulan: e.bulan, versi: e.versi, aksi: e.aksi, nilai: e.nilai, konfirmasi: e.konfirmasi, diketikAt: e.diketikAt }),
      redirect: "manual",
    });
    const body = await res.json().catch(() => null);
    return bacaJawaban(res.status, body);
  } catch {
    return bacaJawaban(null, null);
  }
}

async function jalankan(userId: string): Promise<RingkasanKirim> {
  let terkirim = 0;
  let perluMasuk = false;
  for (const e of siapDikirim(await daftarAntrean(userId), new Date())) {
    const j = await kirimSatu(e);
    const langkah = setelahKirim(e, j, new Date());
    if (langkah.hapus) {
      await hapusEntri(e.id);
      terkirim++;
    } else await tulisEntri(langkah.entri);
    kabarkanAntrean();
    if (j.hasil === "sesi") perluMasuk = true;
    if (langkah.berhenti) break;
  }
  const sisa = urutkan(await daftarAntrean(userId));
  const tunggu = sisa.filter((e) => e.status === "menunggu" && e.cobaLagiAt).map((e) => Date.parse(e.cobaLagiAt!));
  if (terkirim > 0) await segarkanPaket(userId, { paksa: true });
  return { terkirim, sisa: sisa.length, perluMasuk, cobaLagi: tunggu.length ? Math.min(...tunggu) : null };
}

/** Sends what waits (one run at a time). */
export function kirimAntrean(userId: string): Promise<RingkasanKirim> {
  berjalan ??= jalankan(userId).finally(() => (berjalan = null));
  return berjalan;
}

/** A page view checks the package at most this often (building it reads every desa's two reports). */
const JEDA_CEK_MS = 5 * 60_000;

/** Fetches the offline package when it changed; false when offline or refused. */
export async function segarkanPaket(userId: string, { paksa = false } = {}): Promise<boolean> {
  try {
    const lama = await bacaPaket(userId);
    const now = Date.now();
    if (!paksa && lama && now - (await paketDicek(userId)) < JEDA_CEK_MS) return true;
    // Only what changed travels: 304 when nothing did, else the desa whose part changed (the rest by hash).
    const punya = lama && Array.isArray(lama.desa) && lama.desa.every((d) => d.tanda) ? `?punya=${encodeURIComponent(punyaQuery(lama))}` : "";
    const ambil = (q: string) => fetch(`/api/v1/offline/paket${q}`, { headers: lama && q ? { "If-None-Match": lama.etag } : {}, cache: "no-store" });
    let res = await ambil(punya);
    if (res.status === 304) {
      await tandaiPaketDicek(userId, now);
      return true;
    }
    if (!res.ok) return false;
    let paket = gabungKiriman(lama, (await res.json()) as KirimanPaket);
    if (!paket && punya) {
      res = await ambil("");
      if (!res.ok) return false;
      paket = gabungKiriman(null, (await res.json()) as KirimanPaket);
    }
    if (!paket || paket.userId !== userId) return false;
    // Not stored when "Keluar" came while it downloaded: the phone keeps nothing of a logged-out user.
    if (!(await simpanPaket(paket, res.headers.get("etag") ?? ""))) return false;
    await tandaiPaketDicek(userId, now);
    return true;
  } catch {
    return false;
  }
}
