import { AppHeader } from "@/components/layout/app-header";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import type { Actor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/page-guard";
import { getDesaProfile, getWilayah, listChildren } from "@/lib/data/wilayah";
import { TINGKAT_LABEL } from "@/lib/i18n/messages";
import { ChildList } from "./child-list";
import { DesaProfileView } from "./desa-profile";

const CHILD_TITLE = {
  nasional: "Provinsi",
  provinsi: "Kabupaten/Kota",
  kabupaten: "Puskesmas",
  kecamatan: "Desa/Kelurahan",
  puskesmas: "Desa/Kelurahan wilayah kerja",
  desa: "",
} as const;

/** Shared body of /wilayah/... and /puskesmas/...: the unit, its place in the tree and what lies below. */
export async function WilayahPage({ actor, kode }: { actor: Actor; kode: string }) {
  const node = await orNotFound(getWilayah(actor, kode));
  const [children, profile] = await Promise.all([
    listChildren(actor, node),
    node.tingkat === "desa" ? getDesaProfile(actor, node.kode) : Promise.resolve(null),
  ]);
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
        <Breadcrumbs trail={node.trail} current={node.nama} />
        <h1 className="text-2xl font-bold">
          <span className="block text-sm font-medium text-slate-600">{TINGKAT_LABEL[node.tingkat]}</span>
          {node.nama}
        </h1>
        {profile && <DesaProfileView profile={profile} />}
        <ChildList title={CHILD_TITLE[node.tingkat]} items={children.lain} />
        <ChildList title="Kecamatan" items={children.kecamatan} />
      </main>
    </>
  );
}
