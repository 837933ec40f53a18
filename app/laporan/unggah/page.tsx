import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { UnggahForm } from "@/components/laporan/unggah-form";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { periodeFromParams } from "@/lib/schemas/periode";
import { todayWib } from "@/lib/clock";
import type { SearchParams } from "@/lib/schemas/query";

export const metadata = { title: "Unggah nilai" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor, "import.jalankan")) notFound();
  const { tahun, bulan } = periodeFromParams(await searchParams, todayWib());
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <h1 className="text-2xl font-bold">Unggah nilai bulanan</h1>
        <p className="text-sm">
          Berkas diperiksa seluruhnya dulu: bila ada satu baris salah, tidak ada yang disimpan dan semua kesalahan
          ditampilkan. Data baru disimpan setelah Anda menekan <b>Konfirmasi dan simpan</b>. Nilai yang diunggah
          langsung berstatus <i>dikirim</i>.
        </p>
        {actor.puskesmasKode && (
          <p className="text-sm">
            <a href={`/api/v1/template-nilai?puskesmas=${actor.puskesmasKode}&tahun=${tahun}&bulan=${bulan}`}>Unduh templat CSV untuk bulan ini</a>{" "}
            (semua desa × indikator; kosongkan tidak boleh — hapus baris yang tidak dilaporkan).
          </p>
        )}
        <UnggahForm />
      </main>
    </>
  );
}
