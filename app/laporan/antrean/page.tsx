import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { AntreanPanel } from "@/components/offline/antrean-panel";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";

export const metadata = { title: "Antrean kiriman" };

/** The outbox of this phone (entries saved without signal), for the puskesmas user who typed them. */
export default async function Page() {
  const actor = await requireActor();
  if (!can(actor, "laporan.isi")) notFound();
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <p className="text-sm"><Link href="/laporan">← Laporan bulanan</Link></p>
        <AntreanPanel userId={actor.id} />
      </main>
    </>
  );
}
