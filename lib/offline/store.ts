import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from "idb";
import type { EntriAntrean } from "./antrean";
import type { PaketOffline } from "./paket";

// The phone's store (IndexedDB, browser only): the offline package and the outbox, each keyed by the user
// they belong to, and which user is logged in on this browser. "Keluar" empties it (hapusDataPengguna).

interface PantauDB extends DBSchema {
  paket: { key: string; value: PaketOffline & { etag: string } };
  antrean: { key: string; value: EntriAntrean; indexes: { userId: string } };
  meta: { key: string; value: string };
}

export { NAMA_DB } from "./nama-db";
import { NAMA_DB } from "./nama-db";

let db: Promise<IDBPDatabase<PantauDB>> | null = null;

function buka(): Promise<IDBPDatabase<PantauDB>> {
  db ??= openDB<PantauDB>(NAMA_DB, 1, {
    upgrade(d) {
      d.createObjectStore("paket", { keyPath: "userId" });
      d.createObjectStore("antrean", { keyPath: "id" }).createIndex("userId", "userId");
      d.createObjectStore("meta");
    },
  });
  return db;
}

/** The user logged in on this browser (set by every page of a puskesmas user while online). */
export async function setPenggunaAktif(userId: string): Promise<void> {
  const d = await buka();
  await d.put("meta", userId, "aktif");
  // The package is one user's scope: another user's is not kept beside it.
  const tx = d.transaction("paket", "readwrite");
  for (const key of await tx.store.getAllKeys()) if (key !== userId) await tx.store.delete(key);
  await tx.done;
  for (const key of await d.getAllKeys("meta")) if (typeof key === "string" && key.startsWith("dicek:") && key !== `dicek:${userId}`) await d.delete("meta", key);
}

/**
 * No puskesmas user is logged in on this browser any more (another account logged in, or the login page
 * was opened): the package and the mark go, so the offline pages show nothing; the outbox stays, keyed
 * by its user, unseen until that user logs in again and it is sent.
 */
export async function lepasPenggunaAktif(): Promise<void> {
  const d = await buka();
  const tx = d.transaction(["paket", "meta"], "readwrite");
  await tx.objectStore("paket").clear();
  await tx.objectStore("meta").clear();
  await tx.done;
}

export async function penggunaAktif(): Promise<string | null> {
  return (await (await buka()).get("meta", "aktif")) ?? null;
}

/** When the package was last checked with the server (ms), to check at most every few minutes. */
export async function paketDicek(userId: string): Promise<number> {
  return Number((await (await buka()).get("meta", `dicek:${userId}`)) ?? 0);
}

/** Writes what a package download brought, unless `userId` is no longer the user of this browser: a
 *  download that ends after "Keluar" emptied the store (hapusDataPengguna) must not put the user's data
 *  back on the phone. One transaction over paket and meta, so it cannot interleave with the logout's.
 *  Returns whether it wrote. */
async function tulisBilaAktif(userId: string, tulis: (tx: IDBPTransaction<PantauDB, ("paket" | "meta")[], "readwrite">) => Promise<unknown>): Promise<boolean> {
  const tx = (await buka()).transaction(["paket", "meta"], "readwrite");
  const aktif = (await tx.objectStore("meta").get("aktif")) === userId;
  if (aktif) await tulis(tx);
  await tx.done;
  return aktif;
}

export async function tandaiPaketDicek(userId: string, at: number): Promise<boolean> {
  return tulisBilaAktif(userId, (tx) => tx.objectStore("meta").put(String(at), `dicek:${userId}`));
}

export async function bacaPaket(userId: string): Promise<(PaketOffline & { etag: string }) | null> {
  return (await (await buka()).get("paket", userId)) ?? null;
}

/** Stores the package of its user, while that user is the one of this browser (tulisBilaAktif). */
export async function simpanPaket(paket: PaketOffline, etag: string): Promise<boolean> {
  return tulisBilaAktif(paket.userId, (tx) => tx.objectStore("paket").put({ ...paket, etag }));
}

export async function daftarAntrean(userId: string): Promise<EntriAntrean[]> {
  return (await buka()).getAllFromIndex("antrean", "userId", userId);
}

export async function bacaEntri(id: string): Promise<EntriAntrean | null> {
  return (await (await buka()).get("antrean", id)) ?? null;
}

export async function tulisEntri(e: EntriAntrean): Promise<void> {
  await (await buka()).put("antrean", e);
}

export async function hapusEntri(id: string): Promise<void> {
  await (await buka()).delete("antrean", id);
}

/** Logout: the user's outbox, every package, the logged-in mark, the service worker's caches and itself. */
export async function hapusDataPengguna(userId: string): Promise<void> {
  const d = await buka();
  const tx = d.transaction(["antrean", "paket", "meta"], "readwrite");
  for (const key of await tx.objectStore("antrean").index("userId").getAllKeys(userId)) await tx.objectStore("antrean").delete(key);
  await tx.objectStore("paket").clear();
  await tx.objectStore("meta").clear();
  await tx.done;
  // The worker still serving this page must stop caching before its caches go (it would refill them).
  const sw = navigator.serviceWorker?.controller;
  if (sw) {
    const ch = new MessageChannel();
    const done = new Promise((resolve) => {
      ch.port1.onmessage = resolve;
      setTimeout(resolve, 3000);
    });
    sw.postMessage("keluar", [ch.port2]);
    await done;
  }
  if ("caches" in globalThis) for (const k of await caches.keys()) await caches.delete(k);
  if ("serviceWorker" in navigator) for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
}

export const EVENT_ANTREAN = "pantau-antrean";

/** Tells the components of this page that the outbox changed. */
export function kabarkanAntrean(): void {
  window.dispatchEvent(new Event(EVENT_ANTREAN));
}
