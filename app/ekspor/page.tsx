import { EksporPage, type EksporParams } from "@/components/ekspor/ekspor-page";
import { requireActor } from "@/lib/auth/session";
import { EKSPOR } from "@/lib/i18n/ekspor";

export const metadata = { title: EKSPOR.tautanHeader };

export default async function Page({ searchParams }: { searchParams: Promise<EksporParams> }) {
  const actor = await requireActor();
  return <EksporPage actor={actor} params={await searchParams} />;
}
