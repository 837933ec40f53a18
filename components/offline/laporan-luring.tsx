"use client";

/* eslint-disable @next/next/no-html-link-for-pages -- the shell's links are full navigations: the service worker answers each without signal */

import { useEffect, useState, useSyncExternalStore } from "react";
import { LaporanForm } from "@/components/laporan/laporan-form";
import { STATUS_LAPORAN_LABEL } from "@/lib/i18n/dashboard";
import { formatPeriode } from "@/lib/i18n/format";
import { LURING } from "@/lib/i18n/luring";
import { kelompokForm } from "@/lib/laporan/kelompok";
import { idEntri, type EntriAntrean } from "@/lib/offline/antrean";
import { dasarTeks } from "@/lib/offline/gabung";
import { BelumDihitung } from "@/components/laporan/belum-dihitung";
import { laporanDariPaket, type PaketOffline } from "@/lib/offline/paket";
import { bacaPaket, daftarAntrean, penggunaAktif } from "@/lib/offline/store";
import { AntreanPanel } from "./antrean-panel";
import { useAntrean } from "./use-antrean";

interface Keadaan {
  userId: string | null;
  paket: PaketOffline | null;
  antrean: EntriAntrean[];
  path: string;
  query: URLSearchParams;
}

const DESA = /^\/laporan\/(\d{2}\.\d{2}\.\d{2}\.\d{4})\/?$/;

/**
 * The entry shell (issue 16): what the service worker answers for /laporan, /laporan/<desa> and
 * /laporan/antrean without signal. It renders from the phone's store only — the logged-in user's package
 * and outbox — and reads the address the user asked for. Links are plain, so each goes through the
 * service worker again.
 */
export function LaporanLuring() {
  const [k, setK] = useState<Keadaan | null>(null);
  const { entri: antrean } = useAntrean(k?.userId ?? null);
  useEffect(() => {
    void (async () => {
      const userId = await penggunaAktif();
      const [paket, antrean] = userId ? await Promise.all([bacaPaket(userId), daftarAntrean(userId)]) : [null, []];
      setK({ userId, paket, antrean, path: location.pathname, query: new URLSearchParams(location.search) });
    })();
  }, []);
  if (!k) return <p className="text-sm text-slate-600">Memuat…</p>;
  if (!k.userId || !k.paket) return <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="luring-kosong">{LURING.belumAdaPaket}</p>;
  const { paket, userId } = k;
  // Only the package's months can be shown offline; a month asked for that is not among them (or not a
  // month at all) is said so, and the list shows the newest month the phone holds.
  const awal = paket.periode[0];
  const diminta = k.query.has("tahun") || k.query.has("bulan") ? { tahun: Number(k.query.get("tahun")), bulan: Number(k.query.get("bulan")) } : awal;
  const diPaket = paket.periode.find((p) => p.tahun === diminta.tahun && p.bulan === diminta.bulan);
  const { tahun, bulan } = diPaket ?? awal;
  const catatanPeriode = diPaket ? null : (
    <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="periode-luring">
      {Number.isInteger(diminta.tahun) && diminta.bulan >= 1 && diminta.bulan <= 12 ? LURING.periodeTidakAda(diminta.tahun, diminta.bulan) : LURING.periodeTidakDikenal}
    </p>
  );
  const banner = <BannerLuring />;

  if (k.path.startsWith("/laporan/antrean")) {
    return <div className="space-y-4">{banner}<AntreanPanel userId={userId} /></div>;
  }

  const desa = DESA.exec(k.path)?.[1];
  if (desa) {
    const found = diPaket ? laporanDariPaket(paket, desa, tahun, bulan) : null;
    if (!found) {
      const d = paket.desa.find((x) => x.kode === desa);
      return <div className="space-y-4">{banner}{d ? catatanPeriode : <p className="text-sm">{LURING.desaTidakAda}</p>}<a href="/laporan">← Semua desa</a></div>;
    }
    const { laporan } = found;
    const antri = k.antrean.find((e) => e.id === idEntri(userId, desa, tahun, bulan));
    const dasar = dasarTeks(laporan.nilai);
    const nilaiAwal = antri ? antri.nilai : dasar;
    return (
      <div className="space-y-4">
        {banner}
        <p className="text-sm"><a href={`/laporan?tahun=${tahun}&bulan=${bulan}`}>← Semua desa bulan ini</a></p>
        <h1 className="text-2xl font-bold">
          <span className="block text-sm font-medium text-slate-600">Laporan bulanan · {formatPeriode(tahun, bulan)}</span>
          {found.desa.nama}
        </h1>
        <p className="text-sm" data-testid="status-laporan">
          Status di server saat terakhir bersinyal: {laporan.status ? STATUS_LAPORAN_LABEL[laporan.status] : "Belum diisi"}
          {antri && ` · ${LURING.ringkasAntrean(1)}`}
        </p>
        <BelumDihitung daftar={laporan.belumDihitung} statusIni={laporan.status} />
        <LaporanForm
          desaKode={desa} tahun={tahun} bulan={bulan} versi={laporan.versi} status={laporan.status} terkunci={laporan.status === "DIVERIFIKASI"}
          kelompok={kelompokForm(laporan.konteks)} nilaiAwal={nilaiAwal}
          luring={{ userId, desaNama: found.desa.nama, konteks: laporan.konteks, status: laporan.status, selalu: true, dasar }}
        />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      {banner}
      {catatanPeriode}
      <h1 className="text-2xl font-bold">
        <span className="block text-sm font-medium text-slate-600">Laporan bulanan · {formatPeriode(tahun, bulan)}</span>
        {paket.puskesmas.nama}
      </h1>
      <p className="flex flex-wrap gap-3 text-sm">
        {paket.periode.map((p) => (
          <a key={`${p.tahun}-${p.bulan}`} href={`/laporan?tahun=${p.tahun}&bulan=${p.bulan}`} aria-current={p.tahun === tahun && p.bulan === bulan ? "page" : undefined}>
            {formatPeriode(p.tahun, p.bulan)}
          </a>
        ))}
      </p>
      <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm">
        {paket.desa.map((d) => {
          const l = d.laporan.find((x) => x.tahun === tahun && x.bulan === bulan);
          const antri = (antrean ?? k.antrean).some((e) => e.id === idEntri(userId, d.kode, tahun, bulan));
          return (
            <li key={d.kode} className="flex justify-between gap-2 px-3 py-2">
              <a href={`/laporan/${d.kode}?tahun=${tahun}&bulan=${bulan}`}>{d.nama}</a>
              <span className="text-xs text-slate-600">{antri ? LURING.menunggu : l?.status ? STATUS_LAPORAN_LABEL[l.status] : "Belum diisi"}</span>
            </li>
          );
        })}
      </ul>
      <AntreanPanel userId={userId} />
    </div>
  );
}

function ikutiSinyal(ubah: () => void) {
  window.addEventListener("online", ubah);
  window.addEventListener("offline", ubah);
  return () => {
    window.removeEventListener("online", ubah);
    window.removeEventListener("offline", ubah);
  };
}

/** Says the page comes from the phone; once the signal is back, offers the server's page. */
function BannerLuring() {
  const online = useSyncExternalStore(ikutiSinyal, () => navigator.onLine, () => false);
  return (
    <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm" data-testid="banner-luring">
      {online ? (
        <>
          {LURING.sinyalKembali} <a href={location.href}>{LURING.muatUlang}</a>
        </>
      ) : (
        LURING.tanpaSinyal
      )}
    </p>
  );
}
