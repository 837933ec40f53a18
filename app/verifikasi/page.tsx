import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { StatusForm } from "@/components/laporan/status-form";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { antreanVerifikasi } from "@/lib/data/verifikasi";
import { formatPeriode, formatWaktu } from "@/lib/i18n/format";
import { firstOf, type SearchParams } from "@/lib/schemas/query";

export const metadata = { title: "Verifikasi laporan" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor, "laporan.verifikasi")) notFound();
  const tampil = firstOf((await searchParams).tampil) === "terverifikasi" ? "DIVERIFIKASI" : "DIKIRIM";
  const rows = await antreanVerifikasi(actor, tampil);
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">Verifikasi laporan</h1>
        <nav className="flex gap-3 text-sm" aria-label="Pilih daftar">
          <Link href="/verifikasi" aria-current={tampil === "DIKIRIM" ? "page" : undefined}>Menunggu verifikasi</Link>
          <Link href="/verifikasi?tampil=terverifikasi" aria-current={tampil === "DIVERIFIKASI" ? "page" : undefined}>Sudah diverifikasi</Link>
        </nav>
        {rows.length === 0 ? (
          <p>Tidak ada laporan di daftar ini.</p>
        ) : (
          <div className="relative overflow-x-auto rounded border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Daftar laporan">
            <table className="w-full min-w-[48rem] text-sm">
              <thead className="bg-slate-50 text-left text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-2 py-1">Periode</th>
                  <th scope="col" className="px-2 py-1">Desa</th>
                  <th scope="col" className="px-2 py-1">Puskesmas</th>
                  <th scope="col" className="px-2 py-1">Dikirim</th>
                  <th scope="col" className="px-2 py-1">Tindakan</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100" data-testid={`antrean-${r.desaKode}-${r.tahun}-${r.bulan}`}>
                    <td className="px-2 py-1 whitespace-nowrap">{formatPeriode(r.tahun, r.bulan)}</td>
                    <th scope="row" className="px-2 py-1 text-left font-normal">
                      <Link href={`/laporan/${r.desaKode}?tahun=${r.tahun}&bulan=${r.bulan}`}>{r.desaNama}</Link>
                    </th>
                    <td className="px-2 py-1">{r.puskesmasNama}</td>
                    <td className="px-2 py-1 text-xs">{formatWaktu(r.updatedAt)}{r.terlambat && " · terlambat"}</td>
                    <td className="px-2 py-1">
                      <StatusForm laporanId={r.id} versi={r.versi} mode={tampil === "DIKIRIM" ? "antrean" : "terverifikasi"} label={`${r.desaNama} ${formatPeriode(r.tahun, r.bulan)}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </>
  );
}
