import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { canView, type WilayahPlace } from "@/lib/auth/scope";
import { pool } from "@/lib/db/pool";
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

/**
 * Resolves a code to its unit with ancestors; throws NotFoundError (unknown) or ForbiddenError (outside
 * scope). Memoised per request (React `cache`): a dashboard asks for the same unit from several loaders.
 */
export const getWilayah = cache(async (actor: Actor, kode: string): Promise<WilayahNode> => {
  const node = await findWilayah(kode);
  if (!node) throw new NotFoundError("Wilayah tidak ditemukan.");
  if (!canView(actor, node.place)) throw new ForbiddenError();
  return node;
});

interface TreeRow {
  nama: string;
  provinsi_kode: string;
  provinsi_nama: string;
  kabupaten_kode: string | null;
  kabupaten_nama: string | null;
  puskesmas_kode: string | null;
  puskesmas_nama: string | null;
}

/** One query per lookup: the unit and the names of its ancestors. */
const TREE_SQL: Record<Exclude<Tingkat, "nasional">, string> = {
  provinsi: `SELECT p.nama, p.kode provinsi_kode, p.nama provinsi_nama, NULL kabupaten_kode, NULL kabupaten_nama, NULL puskesmas_kode, NULL puskesmas_nama
    FROM provinsi p WHERE p.kode = $1`,
  kabupaten: `SELECT k.nama, p.kode provinsi_kode, p.nama provinsi_nama, k.kode kabupaten_kode, k.nama kabupaten_nama, NULL puskesmas_kode, NULL puskesmas_nama
    FROM kabupaten k JOIN provinsi p ON p.kode = k.provinsi_kode WHERE k.kode = $1`,
  kecamatan: `SELECT c.nama, p.kode provinsi_kode, p.nama provinsi_nama, k.kode kabupaten_kode, k.nama kabupaten_nama, NULL puskesmas_kode, NULL puskesmas_nama
    FROM kecamatan c JOIN kabupaten k ON k.kode = c.kabupaten_kode JOIN provinsi p ON p.kode = k.provinsi_kode WHERE c.kode = $1`,
  puskesmas: `SELECT s.nama, p.kode provinsi_kode, p.nama provinsi_nama, k.kode kabupaten_kode, k.nama kabupaten_nama, s.kode puskesmas_kode, s.nama puskesmas_nama
    FROM puskesmas s JOIN kabupaten k ON k.kode = s.kabupaten_kode JOIN provinsi p ON p.kode = k.provinsi_kode WHERE s.kode = $1`,
  desa: `SELECT d.nama, p.kode provinsi_kode, p.nama provinsi_nama, k.kode kabupaten_kode, k.nama kabupaten_nama, s.kode puskesmas_kode, s.nama puskesmas_nama
    FROM desa d JOIN kecamatan c ON c.kode = d.kecamatan_kode JOIN kabupaten k ON k.kode = c.kabupaten_kode
    JOIN provinsi p ON p.kode = k.provinsi_kode JOIN puskesmas s ON s.kode = d.puskesmas_kode WHERE d.kode = $1`,
};

async function findWilayah(kode: string): Promise<WilayahNode | null> {
  const tingkat = tingkatOf(kode);
  if (tingkat === null) return null;
  if (tingkat === "nasional") return { ...NASIONAL, place: { provinsiKode: null, kabupatenKode: null, puskesmasKode: null }, trail: [] };
  const { rows } = await (await pool()).query<TreeRow>(TREE_SQL[tingkat], [kode]);
  const r = rows[0];
  if (!r) return null;
  const trail: WilayahRef[] = [NASIONAL];
  if (tingkat !== "provinsi") trail.push({ tingkat: "provinsi", kode: r.provinsi_kode, nama: r.provinsi_nama });
  if (tingkat === "kecamatan" || tingkat === "puskesmas" || tingkat === "desa") trail.push({ tingkat: "kabupaten", kode: r.kabupaten_kode!, nama: r.kabupaten_nama! });
  if (tingkat === "desa") trail.push({ tingkat: "puskesmas", kode: r.puskesmas_kode!, nama: r.puskesmas_nama! });
  return {
    tingkat, kode, nama: r.nama,
    place: { provinsiKode: r.provinsi_kode, kabupatenKode: r.kabupaten_kode, puskesmasKode: r.puskesmas_kode },
    trail,
  };
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
  tahun: number;
  penduduk: { tahun: number; kelompok: string; jumlah: number }[];
}

/** The ILP network of a desa and its population in `tahun` (the year the dashboard shows: sasaran are
 *  estimated from that year's penduduk, so no other year's figures are shown beside them). */
export async function getDesaProfile(actor: Actor, desaKode: string, tahun: number): Promise<DesaProfile> {
  await getWilayah(actor, desaKode);
  const db = await pool();
  const [pustu, posyandu, penduduk] = await Promise.all([
    db.query<{ kode: string; nama: string }>(`SELECT kode, nama FROM pustu WHERE desa_kode = $1`, [desaKode]),
    db.query<{ kode: string; nama: string }>(`SELECT kode, nama FROM posyandu WHERE desa_kode = $1 ORDER BY nama`, [desaKode]),
    db.query<{ tahun: number; kelompok: string; jumlah: number }>(
      `SELECT tahun, kelompok, jumlah FROM penduduk WHERE desa_kode = $1 AND tahun = $2`,
      [desaKode, tahun],
    ),
  ]);
  return { pustu: pustu.rows[0] ?? null, posyandu: posyandu.rows, tahun, penduduk: penduduk.rows };
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
