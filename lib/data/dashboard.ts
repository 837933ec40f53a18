import "server-only";
import { seesDrafts } from "@/lib/auth/drafts";
import type { Actor } from "@/lib/auth/actor";
import { kelengkapan, ketepatan, monthsElapsed } from "@/lib/spm/kelengkapan";
import { CHILD_LEVEL, childFigures, unitFigures, type ChildFigures } from "./figures";
import { desaStatuses, laporanCounts, latestChange, type LaporanCounts, type StatusBulan } from "./kelengkapan";

// Everything one dashboard page shows, for a unit in the actor's scope, in one call. Raw numbers: the
// page rounds when it formats.

export interface ChildRow extends ChildFigures {
  /** The chosen indicator's realisasi of the previous month (null in January). */
  lalu: Map<string, number> | null;
  kelengkapan: number | null;
  ketepatan: number | null;
}

export async function loadDashboard(actor: Actor, kode: string, tahun: number, bulan: number, today: { tahun: number; bulan: number }) {
  const unit = await unitFigures(actor, kode, tahun, bulan);
  const node = unit.wilayah;
  const childLevel = CHILD_LEVEL[node.tingkat];
  const expectedMonths = monthsElapsed(tahun, bulan, today);
  const [children, counts, childCounts, stamp, statuses] = await Promise.all([
    childLevel ? childFigures(actor, kode, tahun, bulan, undefined, { realisasiLalu: true }) : Promise.resolve([]),
    laporanCounts(node, null, tahun, bulan),
    childLevel ? laporanCounts(node, childLevel, tahun, bulan) : Promise.resolve(new Map()),
    latestChange(node),
    node.tingkat === "desa" ? desaStatuses(node.kode, tahun, bulan, seesDrafts(actor, node.place)) : Promise.resolve([] as StatusBulan[]),
  ]);
  const rate = (c: LaporanCounts | undefined) => ({
    kelengkapan: c ? kelengkapan(c.dikirim, c.desa * expectedMonths) : null,
    ketepatan: c ? ketepatan(c.tepat, c.desa * expectedMonths) : null,
  });
  const rows: ChildRow[] = children.map((c) => ({ ...c, lalu: c.realisasiLalu ?? null, ...rate(childCounts.get(c.kode)) }));
  return { unit, children: rows, childLevel, laporan: rate(counts.get("")), stamp, statuses };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
