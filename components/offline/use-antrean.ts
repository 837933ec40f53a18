"use client";

import { useCallback, useEffect, useState } from "react";
import type { EntriAntrean } from "@/lib/offline/antrean";
import { kirimAntrean, type RingkasanKirim } from "@/lib/offline/sinkron";
import { daftarAntrean, EVENT_ANTREAN } from "@/lib/offline/store";
import { urutkan } from "@/lib/offline/antrean";

/**
 * The user's outbox, kept current, and its sending: when the page opens online, when the connection
 * returns (`online`) and after a failed try's backoff (lib/offline/antrean jedaCoba).
 */
export function useAntrean(userId: string | null): { entri: EntriAntrean[] | null; kirim: () => Promise<RingkasanKirim | null>; ringkasan: RingkasanKirim | null } {
  const [entri, setEntri] = useState<EntriAntrean[] | null>(null);
  const [ringkasan, setRingkasan] = useState<RingkasanKirim | null>(null);

  const muat = useCallback(async () => {
    if (userId) setEntri(urutkan(await daftarAntrean(userId)));
  }, [userId]);

  const kirim = useCallback(async () => {
    if (!userId) return null;
    const r = await kirimAntrean(userId);
    setRingkasan(r);
    await muat();
    return r;
  }, [userId, muat]);

  useEffect(() => {
    if (!userId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const otomatis = async () => {
      if (!navigator.onLine) return;
      const r = await kirim();
      clearTimeout(timer);
      if (r?.cobaLagi) timer = setTimeout(otomatis, Math.max(500, r.cobaLagi - Date.now()));
    };
    const onMuat = () => void muat();
    const onOnline = () => void otomatis();
    const mulai = setTimeout(() => void muat().then(otomatis), 0);
    window.addEventListener(EVENT_ANTREAN, onMuat);
    window.addEventListener("online", onOnline);
    return () => {
      clearTimeout(timer);
      clearTimeout(mulai);
      window.removeEventListener(EVENT_ANTREAN, onMuat);
      window.removeEventListener("online", onOnline);
    };
  }, [userId, muat, kirim]);

  return { entri, kirim, ringkasan };
}
