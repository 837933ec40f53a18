import { notFound } from "next/navigation";
import { TokenForm } from "@/components/admin/token-form";
import { AppHeader } from "@/components/layout/app-header";
import { cabutTokenAction } from "@/lib/actions/token-api";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/data/api-tokens";
import { ROLE_LABEL } from "@/lib/i18n/messages";
import { formatWaktu } from "@/lib/i18n/format";
import { TOKEN } from "@/lib/i18n/token";

export const metadata = { title: "Token API" };

export default async function Page() {
  const actor = await requireActor();
  if (!can(actor, "pengguna.kelola")) notFound();
  const users = await listApiTokens(actor);
  const now = new Date();
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-5xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">Token API</h1>
        <p className="text-sm text-slate-700">
          Token dipakai aplikasi lain untuk <code>GET /api/v1/spm</code> dan ekspor (header <code>Authorization: Bearer …</code>), dengan cakupan wilayah pengguna pemiliknya.
          Hanya sidik (hash) token yang disimpan; token yang dicabut langsung tidak berlaku.
        </p>
        <TokenForm users={users.filter((u) => u.bolehToken).map((u) => ({ id: u.id, label: `${u.email} — ${ROLE_LABEL[u.role]}` }))} />
        <div className="overflow-x-auto rounded border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Daftar token">
          <table className="w-full min-w-[48rem] text-sm">
            <thead className="bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-1">Pengguna</th>
                <th scope="col" className="px-3 py-1">Token</th>
                <th scope="col" className="px-3 py-1">Dibuat</th>
                <th scope="col" className="px-3 py-1">Terakhir dipakai</th>
                <th scope="col" className="px-3 py-1">{TOKEN.berlakuSampai}</th>
                <th scope="col" className="px-3 py-1">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.flatMap((u) =>
                u.tokens.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100" data-testid={`token-${t.nama}`}>
                    <td className="px-3 py-1">{u.email}</td>
                    <td className="px-3 py-1">{t.nama}</td>
                    <td className="px-3 py-1">{formatWaktu(t.createdAt)}</td>
                    <td className="px-3 py-1">{t.lastUsedAt ? formatWaktu(t.lastUsedAt) : "–"}</td>
                    <td className="px-3 py-1">{formatWaktu(t.expiresAt)}</td>
                    <td className="px-3 py-1">
                      {t.revokedAt ? (
                        `Dicabut ${formatWaktu(t.revokedAt)}`
                      ) : t.expiresAt <= now ? (
                        TOKEN.kedaluwarsaStatus(formatWaktu(t.expiresAt))
                      ) : (
                        <form action={cabutTokenAction}>
                          <input type="hidden" name="id" value={t.id} />
                          <button type="submit" className="rounded border border-red-700 px-2 py-0.5 text-red-800">
                            Cabut
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          {users.every((u) => u.tokens.length === 0) && <p className="p-3 text-sm">Belum ada token.</p>}
        </div>
      </main>
    </>
  );
}
