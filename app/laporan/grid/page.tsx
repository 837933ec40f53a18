import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { PeriodForm } from "@/components/dashboard/period-form";
import { GridForm } from "@/components/laporan/grid-form";
import { AppHeader } from "@/components/layout/app-header";
import { orNotFound } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getGrid } from "@/lib/data/laporan-grid";
import { formatPeriode } from "@/lib/i18n/format";
import { KLASTER, type KlasterKode } from "@/lib/spm/catalog";
import { periodeFromParams } from "@/lib/schemas/periode";
import { firstParams, type SearchParams } from "@/lib/schemas/query";
import { todayWib } from "@/lib/clock";

export const metadata = { title: "Isian cepat per klaster" };

const KLASTER_ISIAN: readonly KlasterKode[] = ["K2", "K3", "K4"];

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const sp = firstParams(await searchParams);
  const today = todayWib();
  const { tahun, bulan } = periodeFromParams(sp, today);
  const kode = sp.puskesmas || actor.puskesmasKode; // absent or empty: the user's own
  if (!kode) notFound();
  const klaster = KLASTER_ISIAN.find((k) => k === sp.klaster) ?? "K2";
  const grid = await orNotFound(getGrid(actor, kode, tahun, bulan, klaster));
  const href = (k: KlasterKode) => `/laporan/grid?puskesmas=${kode}&tahun=${tahun}&bulan=${bulan}&klaster=${k}`;
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href={`/laporan?puskesmas=${kode}&tahun=${tahun}&bulan=${bulan}`}>← Semua desa bulan ini</Link>
        </p>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h1 className="text-2xl font-bold">
            <span className="block text-sm font-medium text-slate-600">Isian cepat · {formatPeriode(tahun, bulan)}</span>
            {grid.puskesmas.nama}
          </h1>
          <PeriodForm tahun={tahun} bulan={bulan} tahunPilihan={Array.from({ length: today.tahun - 2025 + 1 }, (_, i) => 2025 + i)} tetap={{ puskesmas: kode, klaster }} />
        </div>
        <nav aria-label="Klaster" className="flex flex-wrap gap-2 text-sm">
          {KLASTER.filter((k) => KLASTER_ISIAN.includes(k.kode)).map((k) => (
            <Link key={k.kode} href={href(k.kode)} aria-current={k.kode === klaster ? "page" : undefined} className={`rounded border px-3 py-1 ${k.kode === klaster ? "border-teal-800 bg-teal-800 text-white" : "border-slate-300"}`}>
              {k.kode} · {k.nama}
            </Link>
          ))}
        </nav>
        <p className="text-sm text-slate-700">
          Enter pindah ke baris berikutnya, Tab ke kolom berikutnya. Blok angka yang disalin dari Excel bisa ditempel (Ctrl+V) mulai dari sel yang dipilih.
          Hanya baris yang berubah yang disimpan; laporan yang sudah diverifikasi tidak bisa diubah.
        </p>
        <GridForm bolehIsi={can(actor, "laporan.isi")} key={`${kode}-${tahun}-${bulan}-${klaster}`} puskesmasKode={kode} tahun={tahun} bulan={bulan} klaster={klaster} indikator={grid.indikator} baris={grid.baris} />
      </main>
    </>
  );
}
