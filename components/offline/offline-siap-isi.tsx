"use client";

import { useEffect } from "react";
import { LURING } from "@/lib/i18n/luring";
import { segarkanPaket } from "@/lib/offline/sinkron";
import { setPenggunaAktif } from "@/lib/offline/store";
import { useAntrean } from "./use-antrean";

/**
 * On every page of a logged-in puskesmas user (in the header): marks the user as the one of this browser,
 * registers the service worker for /laporan, refreshes the offline package when it changed, sends the
 * outbox, and says how many entries still wait on this phone.
 */
export function OfflineSiapIsi({ userId }: { userId: string }) {
  useEffect(() => {
    void (async () => {
      await setPenggunaAktif(userId);
      if ("serviceWorker" in navigator) await navigator.serviceWorker.register("/sw.js", { scope: "/laporan" }).catch(() => undefined);
      if (navigator.onLine) await segarkanPaket(userId);
    })();
  }, [userId]);
  const { entri } = useAntrean(userId);
  if (!entri || entri.length === 0) return null;
  return (
    // A full navigation: without signal the service worker answers it with the entry shell.
    // eslint-disable-next-line @next/next/no-html-link-for-pages
    <a href="/laporan/antrean" className="rounded bg-amber-100 px-2 py-1 text-amber-950" data-testid="ringkas-antrean">
      {LURING.ringkasAntrean(entri.length)}
    </a>
  );
}
