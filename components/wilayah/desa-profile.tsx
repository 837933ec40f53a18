import { Link } from "@/components/ui/link";
import type { DesaProfile } from "@/lib/data/wilayah";
import { KELOMPOK_LABEL } from "@/lib/i18n/messages";
import { KELOMPOK_PENDUDUK } from "@/lib/spm/penduduk";

export function DesaProfileView({ desaKode, profile }: { desaKode: string; profile: DesaProfile }) {
  const tahun = profile.tahun;
  const order = (k: string) => KELOMPOK_PENDUDUK.indexOf(k as (typeof KELOMPOK_PENDUDUK)[number]);
  const penduduk = [...profile.penduduk].sort((a, b) => order(a.kelompok) - order(b.kelompok));
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Pustu</h2>
        <p data-testid="pustu">{profile.pustu ? `${profile.pustu.nama} (${profile.pustu.kode})` : "Belum ada pustu."}</p>
      </section>
      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Posyandu ({profile.posyandu.length})</h2>
        {profile.posyandu.length === 0 ? (
          <p>Belum ada posyandu terdaftar.</p>
        ) : (
          <ul data-testid="posyandu" className="list-disc pl-5">
            {profile.posyandu.map((p) => (
              <li key={p.kode}>{p.nama}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-semibold">Penduduk {tahun}</h2>
        {profile.penduduk.length === 0 ? (
          <p>Belum ada data penduduk tahun {tahun}.</p>
        ) : (
          <table className="w-full text-sm">
            <tbody>
              {penduduk.map((p) => (
                <tr key={p.kelompok} className="border-t border-slate-100">
                  <th scope="row" className="py-1 text-left font-normal">
                    {KELOMPOK_LABEL[p.kelompok] ?? p.kelompok}
                  </th>
                  <td className="py-1 text-right tabular-nums">{p.jumlah.toLocaleString("id-ID")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-2 text-sm">
          <Link href={`/sasaran/${desaKode}?tahun=${tahun}`}>Penduduk dan sasaran →</Link>
        </p>
      </section>
    </div>
  );
}
