import { Link } from "@/components/ui/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { PeriodForm } from "@/components/dashboard/period-form";
import { orNotFound } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { hariBatasKabupaten } from "@/lib/data/pengaturan";
import { ringkasanBulan } from "@/lib/data/laporan-overview";
import { getWilayah } from "@/lib/data/wilayah";
import { STATUS_LAPORAN_LABEL } from "@/lib/i18n/dashboard";
import { formatPeriode, formatPersen, formatWaktu } from "@/lib/i18n/format";
import { deadlineOf, jumlahLaporanMasuk, kelengkapan } from "@/lib/spm/kelengkapan";
import { periodeFromParams } from "@/lib/schemas/periode";
import { firstParams, type SearchParams } from "@/lib/schemas/query";
import { todayWib } from "@/lib/clock";

export const metadata = { title: "Laporan bulanan" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const sp = firstParams(await searchParams);
  const today = todayWib();
  const { tahun, bulan } = periodeFromParams(sp, today);
  const kode = sp.puskesmas || actor.puskesmasKode; // absent or empty: the user's own
  if (!kode) notFound();
  const pkm = await orNotFound(getWilayah(actor, kode));
  if (pkm.tingkat !== "puskesmas") notFound();
  const rows = await ringkasanBulan(actor, kode, tahun, bulan);
  const masuk = jumlahLaporanMasuk(rows.map((r) => r.status));
  const batas = deadlineOf(tahun, bulan, await hariBatasKabupaten(pkm.place.kabupatenKode));
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-5xl space-y-4 px-4 py-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h1 className="text-2xl font-bold">
            <span className="block text-sm font-medium text-slate-600">Laporan bulanan · {formatPeriode(tahun, bulan)}</span>
            {pkm.nama}
          </h1>
          <PeriodForm tahun={tahun} bulan={bulan} tahunPilihan={Array.from({ length: today.tahun - 2025 + 1 }, (_, i) => 2025 + i)} tetap={sp.puskesmas ? { puskesmas: sp.puskesmas } : {}} />
        </div>
        {can(actor, "laporan.isi") && (
          <p className="text-sm">
            <Link href={`/laporan/grid?puskesmas=${kode}&tahun=${tahun}&bulan=${bulan}`} className="font-semibold">
              Isian cepat per klaster (semua desa sekaligus, bisa tempel dari Excel) →
            </Link>
          </p>
        )}
        <p className="text-sm" data-testid="kelengkapan-bulan">
          Masuk {masuk} dari {rows.length} desa ({formatPersen(kelengkapan(masuk, rows.length))}) · batas kirim {batas.hari} {formatPeriode(batas.tahun, batas.bulan)}
        </p>
        <ScrollRegion label="Status laporan per desa" className="rounded border border-slate-200 bg-white">
          <table className="w-full min-w-[36rem] text-sm">
            <thead className="bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-1">Desa</th>
                <th scope="col" className="px-3 py-1">Status</th>
                <th scope="col" className="px-3 py-1">Terakhir diubah</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.desaKode} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-1 text-left font-normal">
                    <Link href={`/laporan/${r.desaKode}?tahun=${tahun}&bulan=${bulan}`} className="inline-flex min-h-6 items-center">{r.desaNama}</Link>
                  </th>
                  <td className="px-3 py-1" data-testid={`status-${r.desaKode}`}>
                    {r.status ? STATUS_LAPORAN_LABEL[r.status] : "Belum diisi"}
                    {r.terlambat && " · terlambat"}
                    {r.status === "DIKEMBALIKAN" && r.alasan && <span className="block text-xs text-red-800">Alasan: {r.alasan}</span>}
                  </td>
                  <td className="px-3 py-1 text-xs">{r.updatedAt ? `${formatWaktu(r.updatedAt)}${r.updatedBy ? ` · ${r.updatedBy}` : ""}` : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </main>
    </>
  );
}
