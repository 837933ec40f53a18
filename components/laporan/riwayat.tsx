import { Link } from "@/components/ui/link";
import { formatWaktu } from "@/lib/i18n/format";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import type { Riwayat } from "@/lib/laporan/riwayat";

function show(v: unknown): string {
  if (v === null || v === undefined) return "–";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** Entries shown unless the whole history is asked for: a report saved a hundred times stays a light page to save again. */
export const RIWAYAT_SINGKAT = 20;

/** A report's audit history as read (newest first, maybe only the latest): who, when, old → new; a link to all of it when some is left out. */
export function RiwayatLaporan({ riwayat, semuaHref }: { riwayat: Riwayat; semuaHref: string }) {
  const shown = riwayat.entri;
  return (
    <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="riwayat">
      <h2 id="riwayat" className="text-lg font-semibold">Riwayat perubahan</h2>
      {shown.length === 0 ? (
        <p className="text-sm">Belum ada perubahan tercatat.</p>
      ) : (
        <div className="max-h-80 overflow-auto" tabIndex={0} role="region" aria-label="Riwayat perubahan">
          <table className="w-full text-xs">
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col">Waktu</th>
                <th scope="col">Oleh</th>
                <th scope="col">Apa</th>
                <th scope="col">Lama → baru</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r, i) => (
                <tr key={i} className="border-t border-slate-100">
                  <td className="py-0.5 pr-2 whitespace-nowrap">{formatWaktu(r.at)}</td>
                  <td className="pr-2">{r.user_email ?? "-"}</td>
                  <td className="pr-2">{r.aksi} {r.kunci.split("/").slice(3).join("") || "status"} ({r.sumber})</td>
                  <td>{show(r.lama)} → {show(r.baru)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length < riwayat.jumlah && (
        <p className="mt-2 text-sm" data-testid="riwayat-ringkas">
          {MSG_LAPORAN.riwayatSebagian(shown.length, riwayat.jumlah)} <Link href={semuaHref}>{MSG_LAPORAN.riwayatSemua}</Link>
        </p>
      )}
    </section>
  );
}
