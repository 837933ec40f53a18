import { Link } from "@/components/ui/link";
import { AppHeader } from "@/components/layout/app-header";
import { homePath } from "@/lib/auth/scope";
import { requireActor } from "@/lib/auth/session";
import { scopeSummary } from "@/lib/data/scope-summary";
import { ROLE_LABEL, TINGKAT_LABEL } from "@/lib/i18n/messages";

export const metadata = { title: "Beranda" };

export default async function HomePage() {
  const actor = await requireActor();
  const scope = await scopeSummary(actor);
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">Selamat datang, {actor.nama}</h1>
        <dl className="grid max-w-xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-4">
          <dt className="text-slate-600">Peran</dt>
          <dd data-testid="peran">{ROLE_LABEL[actor.role]}</dd>
          <dt className="text-slate-600">Wilayah</dt>
          <dd data-testid="wilayah">
            {scope.nama}
            <span className="text-slate-600">
              {" "}
              ({TINGKAT_LABEL[scope.tingkat]}
              {scope.kode && `, ${scope.kode}`})
            </span>
          </dd>
        </dl>
        <p>
          <Link href={homePath(actor)} className="inline-block rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline hover:bg-teal-900">
            Buka wilayah {scope.nama}
          </Link>
        </p>
      </main>
    </>
  );
}
