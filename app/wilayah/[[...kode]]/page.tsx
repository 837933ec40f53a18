import { notFound } from "next/navigation";
import { WilayahPage } from "@/components/wilayah/wilayah-page";
import { requireActor } from "@/lib/auth/session";

export default async function Page({ params }: { params: Promise<{ kode?: string[] }> }) {
  const actor = await requireActor();
  const { kode } = await params;
  if (kode && kode.length > 1) notFound();
  return <WilayahPage actor={actor} kode={decodeURIComponent(kode?.[0] ?? "")} />;
}
