import { formatWaktu } from "@/lib/i18n/format";

function show(v: unknown): string {
  if (v === null || v === undefined) return "–";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** A report's audit history: who, when, old → new. */
export function RiwayatLaporan({ rows }: { rows: { at: Date; user_email: string | null; aksi: string; kunci: string; lama: unknown; baru: unknown; sumber: string | null }[] }) {
  return (
    <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="riwayat">
      <h2 id="riwayat" className="text-lg font-semibold">Riwayat perubahan</h2>
      {rows.length === 0 ? (
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
              {rows.map((r, i) => (
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
    </section>
  );
}
