import { Link } from "@/components/ui/link";
import type { Actor } from "@/lib/auth/actor";
import { LepasPenggunaLuring } from "@/components/offline/lepas-pengguna";
import { OfflineSiap } from "@/components/offline/offline-siap";
import { can } from "@/lib/auth/permissions";
import { EKSPOR } from "@/lib/i18n/ekspor";
import { ROLE_LABEL } from "@/lib/i18n/messages";
import { TombolKeluar } from "./tombol-keluar";

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-teal-900 no-underline">
          Pantau
        </Link>
        {/* Each link a 24 px touch target at least (WCAG 2.5.8), as on a phone the menu is tapped. */}
        <nav aria-label="Menu utama" className="flex flex-wrap gap-x-3 text-sm print:hidden [&>a]:inline-flex [&>a]:min-h-6 [&>a]:items-center">
          {can(actor, "laporan.isi") && <Link href="/laporan">Isi laporan</Link>}
          {can(actor, "laporan.isi") && <Link href="/laporan/unggah">Unggah</Link>}
          {can(actor, "laporan.verifikasi") && <Link href="/verifikasi">Verifikasi</Link>}
          {can(actor, "sasaran.kelola") && <Link href="/pengaturan">Pengaturan</Link>}
          {can(actor, "pengguna.kelola") && <Link href="/admin/token">Token API</Link>}
          <Link href="/ekspor">{EKSPOR.tautanHeader}</Link>
        </nav>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {actor.role === "PUSKESMAS" ? <OfflineSiap userId={actor.id} /> : <LepasPenggunaLuring />}
          <span>
            <span className="font-medium">{actor.nama}</span>
            <span className="text-slate-600"> · {ROLE_LABEL[actor.role]}</span>
          </span>
          <span className="print:hidden"><TombolKeluar userId={actor.id} /></span>
        </div>
      </div>
    </header>
  );
}
