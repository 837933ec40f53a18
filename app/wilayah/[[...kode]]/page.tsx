import { notFound } from "next/navigation";
import { DashboardPage, type DashboardParams } from "@/components/dashboard/dashboard-page";
import { requireActor } from "@/lib/auth/session";

export default async function Page({ params, searchParams }: { searchParams: Promise<DashboardParams>; params: Promise<{ kode?: string[] }> }) {
  const actor = await requireActor();
  const { kode } = await params;
  if (kode && kode.length > 1) notFound();
  return <DashboardPage actor={actor} kode={decodeURIComponent(kode?.[0] ?? "")} params={await searchParams} />;
}
