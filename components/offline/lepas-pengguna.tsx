"use client";

import { useEffect } from "react";
import { NAMA_DB } from "@/lib/offline/nama-db";

/**
 * On the login page and on every page of a user who is not a puskesmas user: the offline data of a
 * puskesmas user who used this browser before is no longer shown to anyone (lib/offline/store
 * lepasPenggunaAktif). The store's code is loaded only when the browser holds such a store.
 */
export function LepasPenggunaLuring() {
  useEffect(() => {
    void (async () => {
      const ada = await indexedDB.databases?.().then((dbs) => dbs.some((d) => d.name === NAMA_DB), () => true);
      if (ada === false) return;
      const store = await import("@/lib/offline/store");
      await store.lepasPenggunaAktif();
    })().catch(() => undefined);
  }, []);
  return null;
}
