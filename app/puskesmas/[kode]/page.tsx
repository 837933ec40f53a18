import { notFound } from "next/navigation";
import { WilayahPage } from "@/components/wilayah/wilayah-page";
import { requireActor } from "@/lib/auth/session";
import { tingkatOf } from "@/lib/wilayah/kode";

export default async function Page({ params }: { params: Promise<{ kode: string }> }) {
  const actor = await requireActor();
  const { kode } = await params;
  if (tingkatOf(kode) !== "puskesmas") notFound();
  return <WilayahPage actor={actor} kode={kode} />;
}
