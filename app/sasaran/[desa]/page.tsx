import { Link } from "@/components/ui/link";
import { AppHeader } from "@/components/layout/app-header";
import { SasaranForm } from "@/components/sasaran/sasaran-form";
import { orNotFound } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getSasaranDesa } from "@/lib/data/sasaran-desa";
import { KELOMPOK_LABEL } from "@/lib/i18n/messages";
import { periodeFromParams } from "@/lib/schemas/periode";
import { todayWib } from "@/lib/clock";
import type { SearchParams } from "@/lib/schemas/query";

export const metadata = { title: "Penduduk dan sasaran" };

export default async function Page({ params, searchParams }: { params: Promise<{ desa: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const { desa } = await params;
  const { tahun } = periodeFromParams(await searchParams, todayWib());
  const data = await orNotFound(getSasaranDesa(actor, decodeURIComponent(desa), tahun));
  const tahunLain = [tahun - 1, tahun + 1];
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href={`/wilayah/${data.desa.kode}`}>← Dasbor desa</Link>
        </p>
        <h1 className="text-2xl font-bold">
          <span className="block text-sm font-medium text-slate-600">Penduduk dan sasaran · {tahun}</span>
          {data.desa.nama}
        </h1>
        <nav aria-label="Tahun lain" className="flex gap-3 text-sm">
          {tahunLain.map((t) => (
            <Link key={t} href={`/sasaran/${data.desa.kode}?tahun=${t}`}>
              Tahun {t}
            </Link>
          ))}
        </nav>
        <SasaranForm key={`${data.desa.kode}-${tahun}`} data={data} labels={KELOMPOK_LABEL} bolehUbah={can(actor, "sasaran.kelola")} />
      </main>
    </>
  );
}
