/* eslint-disable @next/next/no-html-link-for-pages -- the shell's links are full navigations: the service worker answers each without signal */
import { notFound } from "next/navigation";
import { LaporanLuring } from "@/components/offline/laporan-luring";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";

export const metadata = { title: "Laporan tanpa sinyal" };

/**
 * The entry shell that the service worker keeps (lib/offline/sw.ts) and answers for /laporan pages without
 * signal. It holds no data: the client renders from the phone's store of the logged-in user.
 */
export default async function Page() {
  const actor = await requireActor();
  if (!can(actor, "laporan.isi")) notFound();
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-3">
          <a href="/laporan" className="text-lg font-bold text-teal-900 no-underline">Pantau</a>
          <span className="text-sm text-slate-600">Data di ponsel ini</span>
        </div>
      </header>
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <LaporanLuring />
      </main>
    </>
  );
}
