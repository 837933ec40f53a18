import { notFound } from "next/navigation";
import { DashboardPage, type DashboardParams } from "@/components/dashboard/dashboard-page";
import { requireActor } from "@/lib/auth/session";
import { tingkatOf } from "@/lib/wilayah/kode";

export default async function Page({ params, searchParams }: { searchParams: Promise<DashboardParams>; params: Promise<{ kode: string }> }) {
  const actor = await requireActor();
  const { kode } = await params;
  if (tingkatOf(kode) !== "puskesmas") notFound();
  return <DashboardPage actor={actor} kode={kode} params={await searchParams} />;
}
