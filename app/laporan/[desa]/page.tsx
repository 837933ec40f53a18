import { Link } from "@/components/ui/link";
import { AppHeader } from "@/components/layout/app-header";
import { BelumDihitung } from "@/components/laporan/belum-dihitung";
import { LaporanForm } from "@/components/laporan/laporan-form";
import { RIWAYAT_SINGKAT, RiwayatLaporan } from "@/components/laporan/riwayat";
import { orNotFound } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getLaporanForm } from "@/lib/data/laporan";
import { riwayatLaporan } from "@/lib/data/laporan-overview";
import { STATUS_LAPORAN_LABEL } from "@/lib/i18n/dashboard";
import { formatPeriode, formatWaktu } from "@/lib/i18n/format";
import { MSG_LAPORAN } from "@/lib/i18n/laporan";
import { kelompokForm } from "@/lib/laporan/kelompok";
import { deadlineOf } from "@/lib/spm/kelengkapan";
import { hariBatasKabupaten } from "@/lib/data/pengaturan";
import { periodeFromParams } from "@/lib/schemas/periode";
import { firstParams, type SearchParams } from "@/lib/schemas/query";
import { todayWib } from "@/lib/clock";

export const metadata = { title: "Laporan bulanan" };

export default async function Page({ params, searchParams }: { params: Promise<{ desa: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const { desa } = await params;
  const query = firstParams(await searchParams);
  const { tahun, bulan } = periodeFromParams(query, todayWib());
  const form = await orNotFound(getLaporanForm(actor, decodeURIComponent(desa), tahun, bulan));
  const semuaRiwayat = query.riwayat === "semua";
  const [riwayat, hariBatas] = await Promise.all([
    riwayatLaporan(actor, form.desa.kode, tahun, bulan, semuaRiwayat ? undefined : RIWAYAT_SINGKAT),
    hariBatasKabupaten(form.desa.kabupatenKode),
  ]);
  const bolehIsi = can(actor, "laporan.isi");
  const terkunci = !bolehIsi || form.status === "DIVERIFIKASI";
  const batas = deadlineOf(tahun, bulan, hariBatas);
  const kelompok = kelompokForm(form.konteks);
  const nilaiAwal = Object.fromEntries(Object.entries(form.nilai).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
        <p className="text-sm">
          <Link href={`/laporan?puskesmas=${form.desa.puskesmasKode}&tahun=${tahun}&bulan=${bulan}`} className="inline-flex min-h-6 items-center">← Semua desa bulan ini</Link>
        </p>
        <h1 className="text-2xl font-bold">
          <span className="block text-sm font-medium text-slate-600">Laporan bulanan · {formatPeriode(tahun, bulan)}</span>
          {form.desa.nama}
        </h1>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
          <dt className="text-slate-600">Status</dt>
          <dd data-testid="status-laporan">{form.status ? STATUS_LAPORAN_LABEL[form.status] : "Belum diisi"}{form.status === "DIKEMBALIKAN" && form.alasan ? ` — alasan: ${form.alasan}` : ""}</dd>
          <dt className="text-slate-600">Terakhir diubah</dt>
          <dd>{form.updatedAt ? `${formatWaktu(form.updatedAt)}${form.updatedBy ? ` oleh ${form.updatedBy}` : ""}` : "–"}</dd>
          <dt className="text-slate-600">Batas kirim</dt>
          <dd>{batas.hari} {formatPeriode(batas.tahun, batas.bulan)}</dd>
        </dl>
        <BelumDihitung daftar={form.belumDihitung} statusIni={form.status} />
        {!bolehIsi && <p className="rounded border border-slate-300 bg-slate-50 p-3 text-sm" data-testid="hanya-baca">{MSG_LAPORAN.hanyaBaca}</p>}
        {form.status === "DIVERIFIKASI" && <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm">Laporan sudah diverifikasi dan terkunci.</p>}
        <LaporanForm desaKode={form.desa.kode} tahun={tahun} bulan={bulan} versi={form.versi} status={form.status} terkunci={terkunci} kelompok={kelompok} nilaiAwal={nilaiAwal}
          luring={bolehIsi ? { userId: actor.id, desaNama: form.desa.nama, konteks: form.konteks, status: form.status } : undefined} />
        <RiwayatLaporan riwayat={riwayat} semuaHref={`/laporan/${form.desa.kode}?tahun=${tahun}&bulan=${bulan}&riwayat=semua#riwayat`} />
      </main>
    </>
  );
}
