import { AppHeader } from "@/components/layout/app-header";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { ChildList } from "@/components/wilayah/child-list";
import { SoftLinks } from "@/components/ui/soft-links";
import { DesaProfileView } from "@/components/wilayah/desa-profile";
import type { Actor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page-guard";
import { loadDashboard } from "@/lib/data/dashboard";
import { getDesaProfile, getWilayah, listChildren, openableTrail, type WilayahNode } from "@/lib/data/wilayah";
import { hariBatasTerakhir } from "@/lib/data/pengaturan";
import { catatanPeriode, DASHBOARD } from "@/lib/i18n/dashboard";
import { formatPeriode, formatPersen, formatWaktu } from "@/lib/i18n/format";
import { TINGKAT_LABEL } from "@/lib/i18n/messages";
import { INDIKATOR, getIndikator } from "@/lib/spm/catalog";
import { wilayahHref } from "@/lib/wilayah/href";
import { periodeFromParams } from "@/lib/schemas/periode";
import { HARI_BATAS_DEFAULT, keadaanPeriode } from "@/lib/spm/kelengkapan";
import { comparePeriode, lastFullMonth } from "@/lib/spm/periode";
import { todayWib } from "@/lib/clock";
import { ChildStatus } from "./child-status";
import { DesaReports } from "./desa-reports";
import { GrafikChildren } from "./grafik-children";
import { Heatmap } from "./heatmap";
import { IndicatorTable } from "./indicator-table";
import { PeriodForm } from "./period-form";
import { PetaCapaian } from "./peta-capaian";
import { PwsTrend } from "./pws-trend";
import { SpmCards } from "./spm-cards";
import { firstOf, type SearchParams } from "@/lib/schemas/query";

export type DashboardParams = SearchParams;

/** The PWS dashboard of any unit, nasional to desa. The scope check runs first (an outside unit answers
 *  404); the page is sent whole, not streamed behind a skeleton: it reads (chart included) without JavaScript. */
export async function DashboardPage({ actor, kode, params }: { actor: Actor; kode: string; params: DashboardParams }) {
  const node = await orNotFound(getWilayah(actor, kode));
  return (
    <>
      <AppHeader actor={actor} />
      <DashboardBody actor={actor} node={node} params={params} />
    </>
  );
}

async function DashboardBody({ actor, node, params }: { actor: Actor; node: WilayahNode; params: DashboardParams }) {
  const kode = node.kode;
  const today = todayWib();
  const { tahun, bulan } = periodeFromParams(params, today);
  const pilihan = INDIKATOR.filter((i) => i.jenis !== "jumlah");
  // A count indicator (jenis "jumlah") has no sasaran: no capaian to draw on the grafik or the map.
  // A repeated parameter arrives as an array: the first one counts.
  const diminta = firstOf(params.indikator);
  const chosen = pilihan.find((i) => i.kode === diminta) ?? pilihan[0];
  // Said, not silently replaced: a reader who followed a link for another indicator must not read this one as it.
  const takDikenal = diminta !== undefined && diminta !== chosen.kode ? diminta.slice(0, 40) : null;
  // Only last month can still be within its reports' deadline (day 1–31 of this month): only then is the
  // deadline day read (the latest among the unit's kabupaten, as the export labels).
  const bulanLalu = comparePeriode(lastFullMonth(today), { tahun, bulan }) === 0;
  const [d, children, profile, hariBatas] = await Promise.all([
    loadDashboard(actor, kode, tahun, bulan, today),
    listChildren(actor, node),
    node.tingkat === "desa" ? getDesaProfile(actor, node.kode, tahun) : Promise.resolve(null),
    bulanLalu ? hariBatasTerakhir(node.place) : Promise.resolve(HARI_BATAS_DEFAULT),
  ]);
  const { keadaan, batas } = keadaanPeriode(tahun, bulan, false, hariBatas, today);
  const catatan = catatanPeriode(keadaan, batas);
  const query = `tahun=${tahun}&bulan=${bulan}`;
  const items = d.unit.figures.map((figure) => ({ ind: getIndikator(figure.indikator)!, figure }));
  const adaLaporan = d.laporan.kelengkapan !== null && d.laporan.kelengkapan > 0;
  const tahunPilihan = Array.from({ length: Math.max(today.tahun, tahun) - 2025 + 1 }, (_, i) => 2025 + i);
  return (
      <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
        <Breadcrumbs trail={node.trail} current={node.nama} query={query} openable={openableTrail(actor, node)} />
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h1 className="text-2xl font-bold">
            <span className="block text-sm font-medium text-slate-600">{TINGKAT_LABEL[node.tingkat]} · PWS {formatPeriode(tahun, bulan)}</span>
            {node.nama}
          </h1>
          <PeriodForm tahun={tahun} bulan={bulan} tahunPilihan={tahunPilihan} indikator={diminta} />
        </div>
        <p className="text-sm text-slate-600" data-testid="data-per">
          {DASHBOARD.dataPer} {formatWaktu(d.stamp)}
        </p>
        {catatan !== null && (
          <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="periode-berjalan">
            {catatan}
          </p>
        )}
        <section className="grid gap-3 sm:grid-cols-3" aria-label="Ringkasan">
          <div className="rounded border border-slate-200 bg-white p-3">
            <p className="text-sm text-slate-600">{DASHBOARD.indeksSpm}</p>
            <p className="text-2xl font-bold tabular-nums" data-testid="indeks">{formatPersen(d.unit.indeks.indeksRounded)}</p>
            <p className="text-xs text-slate-600">{d.unit.indeks.jumlahLayanan} dari 12 layanan SPM bersasaran</p>
          </div>
          <div className="rounded border border-slate-200 bg-white p-3">
            <p className="text-sm text-slate-600">{DASHBOARD.kelengkapanSampai(bulan, formatPeriode(tahun, bulan))}</p>
            <p className="text-2xl font-bold tabular-nums">{formatPersen(d.laporan.kelengkapan)}</p>
          </div>
          <div className="rounded border border-slate-200 bg-white p-3">
            <p className="text-sm text-slate-600">Ketepatan waktu</p>
            <p className="text-2xl font-bold tabular-nums">{formatPersen(d.laporan.ketepatan)}</p>
          </div>
        </section>
        {!adaLaporan && <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">{DASHBOARD.belumAdaLaporan}</p>}
        <section aria-labelledby="spm">
          <h2 id="spm" className="mb-2 text-lg font-semibold">Capaian 12 layanan SPM</h2>
          <SpmCards items={items.filter((i) => i.ind.spm)} />
        </section>
        {takDikenal !== null && (
          <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" role="status" data-testid="indikator-tak-dikenal">
            {DASHBOARD.indikatorTakDikenal(takDikenal, `${chosen.kode} ${chosen.nama}`)}
          </p>
        )}
        {d.unit.series && (
          <PwsTrend ind={chosen} series={d.unit.series[chosen.kode]} pilihan={pilihan} hrefFor={(k) => `${wilayahHref(node, `${query}&indikator=${k}`)}#pws-trend`} bulanBerjalan={tahun < today.tahun ? 12 : tahun > today.tahun ? 0 : today.bulan} />
        )}
        {d.children.length > 0 && (
          <>
            <PetaCapaian actor={actor} node={node} ind={chosen} rows={d.children} tahun={tahun} bulan={bulan} query={query} desa={firstOf(params.peta) === "desa"} />
            <GrafikChildren ind={chosen} rows={d.children} query={query} />
            <Heatmap rows={d.children} query={chosen.kode === diminta ? `${query}&indikator=${chosen.kode}` : query} />
            <ChildStatus rows={d.children} query={query} />
            <SoftLinks />
          </>
        )}
        <section aria-labelledby="klaster">
          <h2 id="klaster" className="mb-2 text-lg font-semibold">Indikator klaster</h2>
          <IndicatorTable items={items.filter((i) => !i.ind.spm)} />
        </section>
        {node.tingkat === "desa" && <DesaReports statuses={d.statuses} tahun={tahun} />}
        {profile && <DesaProfileView desaKode={node.kode} profile={profile} />}
        <ChildList title="Kecamatan" items={children.kecamatan} />
      </main>
  );
}
