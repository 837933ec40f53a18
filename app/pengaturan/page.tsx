import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { PengaturanForm } from "@/components/sasaran/pengaturan-form";
import { orNotFound } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getPengaturan } from "@/lib/data/pengaturan";
import { periodeFromParams } from "@/lib/schemas/periode";
import { todayWib } from "@/lib/clock";
import type { SearchParams } from "@/lib/schemas/query";

export const metadata = { title: "Pengaturan kabupaten" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor, "sasaran.kelola") || !actor.kabupatenKode) notFound();
  const today = todayWib();
  const { tahun } = periodeFromParams(await searchParams, today);
  const p = await orNotFound(getPengaturan(actor, actor.kabupatenKode, tahun));
  const desimal = (n: number) => String(n).replace(".", ",");
  const awal: Record<string, string> = {
    hariBatas: String(p.hariBatas),
    cbrPerMil: desimal(p.parameter.cbrPerMil),
    faktorIbuHamil: desimal(p.parameter.faktorIbuHamil),
    faktorIbuBersalin: desimal(p.parameter.faktorIbuBersalin),
    ...Object.fromEntries(Object.entries(p.parameter.proporsi).map(([k, v]) => [`proporsi.${k}`, desimal(v)])),
    prevalensiHipertensi: desimal(p.parameter.prevalensiHipertensi),
    prevalensiDm: desimal(p.parameter.prevalensiDm),
    prevalensiOdgjBerat: desimal(p.parameter.prevalensiOdgjBerat),
    faktorTerdugaTb: desimal(p.parameter.faktorTerdugaTb),
  };
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">
          <span className="block text-sm font-medium text-slate-600">Pengaturan · {tahun}</span>
          {p.kabupaten.nama}
        </h1>
        <p className="text-sm text-slate-700">
          Parameter tahun {tahun}: {p.sumberParameter === "kabupaten" ? "khusus kabupaten ini" : "nilai nasional (belum diubah untuk kabupaten ini)"}. Nilai bawaan adalah asumsi aplikasi; sesuaikan dengan data sasaran resmi.
        </p>
        <PengaturanForm kabupatenKode={p.kabupaten.kode} tahun={tahun} awal={awal} />
      </main>
    </>
  );
}
