"use client";

import dynamic from "next/dynamic";

// Loaded only where it is rendered (pages of a puskesmas user): other users' pages do not carry the
// offline code (service worker registration, IndexedDB, sync).
const Isi = dynamic(() => import("./offline-siap-isi").then((m) => m.OfflineSiapIsi), { ssr: false });

/** The offline readiness of a puskesmas user's browser (components/offline/offline-siap-isi.tsx). */
export function OfflineSiap({ userId }: { userId: string }) {
  return <Isi userId={userId} />;
}
