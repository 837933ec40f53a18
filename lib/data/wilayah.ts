import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { canView, type WilayahPlace } from "@/lib/auth/scope";
import { db } from "@/lib/db/prisma";
import { tingkatOf, type Tingkat } from "@/lib/wilayah/kode";

// Reads of the wilayah tree and the ILP network, each checked against the actor's scope.

export interface WilayahRef {
  tingkat: Tingkat;
  kode: string;
  nama: string;
}

export interface WilayahNode extends WilayahRef {
  place: WilayahPlace;
  /** From nasional down to the parent of this unit. */
  trail: WilayahRef[];
}

const NASIONAL: WilayahRef = { tingkat: "nasional", kode: "", nama: "Indonesia" };

/** Resolves a code to its unit with ancestors; throws NotFoundError (unknown) or ForbiddenError (outside scope). */
export async function getWilayah(actor: Actor, kode: string): Promise<WilayahNode> {
  const node = await findWilayah(kode);
  if (!node) throw new NotFoundError("Wilayah tidak ditemukan.");
  if (!canView(actor, node.place)) throw new ForbiddenError();
  return node;
}

async function findWilayah(kode: string): Promise<WilayahNode | null> {
  const prisma = await db();
  const tingkat = tingkatOf(kode);
  switch (tingkat) {
    case null:
      return null;
    case "nasional":
      return { ...NASIONAL, place: { provinsiKode: null, kabupatenKode: null, puskesmasKode: null }, trail: [] };
    case "provinsi": {
      const p = await prisma.provinsi.findUnique({ where: { kode } });
      if (!p) return null;
      return { tingkat, kode, nama: p.nama, place: { provinsiKode: kode, kabupatenKode: null, puskesmasKode: null }, trail: [NASIONAL] };
    }
    case "kabupaten": {
      const k = await prisma.kabupaten.findUnique({ where: { kode }, include: { provinsi: true } });
      if (!k) return null;
      return {
        tingkat, kode, nama: k.nama,
        place: { provinsiKode: k.provinsiKode, kabupatenKode: kode, puskesmasKode: null },
        trail: [NASIONAL, { tingkat: "provinsi", kode: k.provinsiKode, nama: k.provinsi.nama }],
      };
    }
    case "kecamatan": {
      const k = await prisma.kecamatan.findUnique({ where: { kode }, include: { kabupaten: { include: { provinsi: true } } } });
      if (!k) return null;
      return {
        tingkat, kode, nama: k.nama,
        place: { provinsiKode: k.provinsiKode, kabupatenKode: k.kabupatenKode, puskesmasKode: null },
        trail: [
          NASIONAL,
          { tingkat: "provinsi", kode: k.provinsiKode, nama: k.kabupaten.provinsi.nama },
          { tingkat: "kabupaten", kode: k.kabupatenKode, nama: k.kabupaten.nama },
        ],
      };
    }
    case "puskesmas": {
      const p = await prisma.puskesmas.findUnique({ where: { kode }, include: { kabupaten: { include: { provinsi: true } } } });
      if (!p) return null;
      return {
        tingkat, kode, nama: p.nama,
        place: { provinsiKode: p.provinsiKode, kabupatenKode: p.kabupatenKode, puskesmasKode: kode },
        trail: [
          NASIONAL,
          { tingkat: "provinsi", kode: p.provinsiKode, nama: p.kabupaten.provinsi.nama },
          { tingkat: "kabupaten", kode: p.kabupatenKode, nama: p.kabupaten.nama },
        ],
      };
    }
    case "desa": {
      const d = await prisma.desa.findUnique({
        where: { kode },
        include: { puskesmas: true, kecamatan: { include: { kabupaten: { include: { provinsi: true } } } } },
      });
      if (!d) return null;
      return {
        tingkat, kode, nama: d.nama,
        place: { provinsiKode: d.provinsiKode, kabupatenKode: d.kabupatenKode, puskesmasKode: d.puskesmasKode },
        trail: [
          NASIONAL,
          { tingkat: "provinsi", kode: d.provinsiKode, nama: d.kecamatan.kabupaten.provinsi.nama },
          { tingkat: "kabupaten", kode: d.kabupatenKode, nama: d.kecamatan.kabupaten.nama },
          { tingkat: "puskesmas", kode: d.puskesmasKode, nama: d.puskesmas.nama },
        ],
      };
    }
  }
}

/** Children of a unit (the units one level down that the actor may open), sorted by code. */
export async function listChildren(actor: Actor, node: WilayahNode): Promise<{ kecamatan: WilayahRef[]; lain: WilayahRef[] }> {
  const prisma = await db();
  const visible = (rows: (WilayahRef & { place: WilayahPlace })[]) =>
    rows.filter((r) => canView(actor, r.place)).map(({ tingkat, kode, nama }) => ({ tingkat, kode, nama }));
  switch (node.tingkat) {
    case "nasional": {
      const rows = await prisma.provinsi.findMany({ orderBy: { kode: "asc" } });
      return { kecamatan: [], lain: visible(rows.map((r) => ({ tingkat: "provinsi", kode: r.kode, nama: r.nama, place: { provinsiKode: r.kode, kabupatenKode: null, puskesmasKode: null } }))) };
    }
    case "provinsi": {
      const rows = await prisma.kabupaten.findMany({ where: { provinsiKode: node.kode }, orderBy: { kode: "asc" } });
      return { kecamatan: [], lain: visible(rows.map((r) => ({ tingkat: "kabupaten", kode: r.kode, nama: r.nama, place: { provinsiKode: r.provinsiKode, kabupatenKode: r.kode, puskesmasKode: null } }))) };
    }
    case "kabupaten": {
      const [pkm, kec] = await Promise.all([
        prisma.puskesmas.findMany({ where: { kabupatenKode: node.kode }, orderBy: { nama: "asc" } }),
        prisma.kecamatan.findMany({ where: { kabupatenKode: node.kode }, orderBy: { nama: "asc" } }),
      ]);
      return {
        lain: visible(pkm.map((r) => ({ tingkat: "puskesmas", kode: r.kode, nama: r.nama, place: { provinsiKode: r.provinsiKode, kabupatenKode: r.kabupatenKode, puskesmasKode: r.kode } }))),
        kecamatan: visible(kec.map((r) => ({ tingkat: "kecamatan", kode: r.kode, nama: r.nama, place: { provinsiKode: r.provinsiKode, kabupatenKode: r.kabupatenKode, puskesmasKode: null } }))),
      };
    }
    case "kecamatan":
    case "puskesmas": {
      const where = node.tingkat === "kecamatan" ? { kecamatanKode: node.kode } : { puskesmasKode: node.kode };
      const rows = await prisma.desa.findMany({ where, orderBy: { nama: "asc" } });
      return { kecamatan: [], lain: visible(rows.map((r) => ({ tingkat: "desa", kode: r.kode, nama: r.nama, place: { provinsiKode: r.provinsiKode, kabupatenKode: r.kabupatenKode, puskesmasKode: r.puskesmasKode } }))) };
    }
    case "desa":
      return { kecamatan: [], lain: [] };
  }
}

export interface DesaProfile {
  pustu: { kode: string; nama: string } | null;
  posyandu: { kode: string; nama: string }[];
  penduduk: { tahun: number; kelompok: string; jumlah: number }[];
}

/** The ILP network and population of a desa (latest year with population data). */
export async function getDesaProfile(actor: Actor, desaKode: string): Promise<DesaProfile> {
  await getWilayah(actor, desaKode);
  const prisma = await db();
  const [pustu, posyandu, latest] = await Promise.all([
    prisma.pustu.findUnique({ where: { desaKode } }),
    prisma.posyandu.findMany({ where: { desaKode }, orderBy: { nama: "asc" } }),
    prisma.penduduk.findFirst({ where: { desaKode }, orderBy: { tahun: "desc" }, select: { tahun: true } }),
  ]);
  const penduduk = latest
    ? await prisma.penduduk.findMany({ where: { desaKode, tahun: latest.tahun }, select: { tahun: true, kelompok: true, jumlah: true } })
    : [];
  return {
    pustu: pustu && { kode: pustu.kode, nama: pustu.nama },
    posyandu: posyandu.map((p) => ({ kode: p.kode, nama: p.nama })),
    penduduk,
  };
}

/** Codes of the trail entries the actor may open (breadcrumbs link only those). */
export function openableTrail(actor: Actor, node: WilayahNode): Set<string> {
  const p = node.place;
  const placeOf = (w: WilayahRef): WilayahPlace => {
    switch (w.tingkat) {
      case "nasional":
        return { provinsiKode: null, kabupatenKode: null, puskesmasKode: null };
      case "provinsi":
        return { provinsiKode: w.kode, kabupatenKode: null, puskesmasKode: null };
      case "kabupaten":
        return { provinsiKode: p.provinsiKode, kabupatenKode: w.kode, puskesmasKode: null };
      default:
        return { provinsiKode: p.provinsiKode, kabupatenKode: p.kabupatenKode, puskesmasKode: w.tingkat === "puskesmas" ? w.kode : null };
    }
  };
  return new Set(node.trail.filter((w) => canView(actor, placeOf(w))).map((w) => w.kode));
}
