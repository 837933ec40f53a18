import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { visibleStatus } from "@/lib/auth/drafts";
import { ForbiddenError } from "@/lib/auth/permissions";
import { pool } from "@/lib/db/pool";
import { INDIKATOR, type KlasterKode } from "@/lib/spm/catalog";
import type { StatusLaporan } from "./laporan";
import { getWilayah } from "./wilayah";

// The bulk grid: one klaster's indicators × every desa of a puskesmas for a month, as stored now.

export interface GridBaris {
  desaKode: string;
  desaNama: string;
  status: StatusLaporan | null;
  versi: number;
  nilai: Record<string, number>;
}

export interface Grid {
  puskesmas: { kode: string; nama: string; kabupatenKode: string };
  indikator: { kode: string; nama: string }[];
  baris: GridBaris[];
}

export function indikatorKlaster(klaster: KlasterKode): string[] {
  return INDIKATOR.filter((i) => i.klaster === klaster).map((i) => i.kode);
}

export async function getGrid(actor: Actor, puskesmasKode: string, tahun: number, bulan: number, klaster: KlasterKode): Promise<Grid> {
  const node = await getWilayah(actor, puskesmasKode);
  if (node.tingkat !== "puskesmas") throw new ForbiddenError();
  const kodes = indikatorKlaster(klaster);
  const db = await pool();
  const [desa, nilai] = await Promise.all([
    db.query<{ kode: string; nama: string; status: StatusLaporan | null; versi: number | null }>(
      `SELECT d.kode, d.nama, l.status::text AS status, l.versi FROM desa d
       LEFT JOIN laporan l ON l.desa_kode = d.kode AND l.tahun = $2 AND l.bulan = $3
       WHERE d.puskesmas_kode = $1 ORDER BY d.nama, d.kode`,
      [node.kode, tahun, bulan],
    ),
    db.query<{ d: string; i: string; v: number }>(
      `SELECT desa_kode d, indikator_kode i, nilai v FROM nilai WHERE puskesmas_kode = $1 AND tahun = $2 AND bulan = $3 AND indikator_kode = ANY($4)`,
      [node.kode, tahun, bulan, kodes],
    ),
  ]);
  const byDesa = new Map<string, Record<string, number>>();
  for (const r of nilai.rows) (byDesa.get(r.d) ?? byDesa.set(r.d, {}).get(r.d)!)[r.i] = r.v;
  return {
    puskesmas: { kode: node.kode, nama: node.nama, kabupatenKode: node.place.kabupatenKode ?? "" },
    indikator: kodes.map((k) => ({ kode: k, nama: INDIKATOR.find((i) => i.kode === k)!.nama })),
    baris: desa.rows.map((d) =>
      visibleStatus(actor, node.place, d.status) === null && d.status !== null
        ? { desaKode: d.kode, desaNama: d.nama, status: null, versi: 0, nilai: {} }
        : { desaKode: d.kode, desaNama: d.nama, status: d.status, versi: d.versi ?? 0, nilai: byDesa.get(d.kode) ?? {} },
    ),
  };
}
