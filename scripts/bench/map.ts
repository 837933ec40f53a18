import type { Actor } from "@/lib/auth/actor";
import { childFigures } from "@/lib/data/figures";
import { clearPetaCache, loadPeta } from "@/lib/data/peta";
import { getWilayah } from "@/lib/data/wilayah";
import { closePool } from "@/lib/db/pool";
import { getIndikator, type Indikator } from "@/lib/spm/catalog";
import type { Session } from "./http";
import { loadTask, type Stats } from "./measure";

// What the capaian map (lib/data/peta.ts, components/dashboard/peta-capaian.tsx) adds to a dashboard, measured
// in this process against the bench database: loadPeta for the dashboard's unit (the kecamatan figures at a
// kabupaten, the geometry file read and projected on a cold cache, the paths and classes), cold once and
// warm (the server's cache) over many runs; and the bytes of the map's <svg> in the served HTML.
// Budget: ≤ 20 ms p95 added (issue 15 §5).

export const MAP_BUDGET_MS = 20;

export interface MapRow {
  key: string;
  kode: string;
  units: number;
  coldMs: number;
  warm: Stats;
  svgBytes: number | null;
}

const ADMIN: Actor = { id: "00000000-0000-0000-0000-00000000b3c4", email: "bench@pantau.local", nama: "bench", role: "ADMIN", provinsiKode: null, kabupatenKode: null, puskesmasKode: null };

/** The map's <svg> in a page's HTML, in bytes (null: no map on the page). */
export function svgBytes(html: string): number | null {
  // The page holds other drawings (the grafik PWS, legend swatches): the map is the <svg> named "Peta capaian".
  for (let start = html.indexOf("<svg"); start >= 0; start = html.indexOf("<svg", start + 4)) {
    const tag = html.slice(start, html.indexOf(">", start) + 1);
    if (!tag.includes('aria-label="Peta capaian')) continue;
    const end = html.indexOf("</svg>", start);
    return end < 0 ? null : Buffer.byteLength(html.slice(start, end + 6));
  }
  return null;
}

export async function measureMap(
  databaseUrl: string, levels: { key: string; kode: string; session: Session; path: string }[], tahun: number, bulan: number, runs: number,
): Promise<MapRow[]> {
  process.env.DATABASE_URL = databaseUrl; // lib/data's pool
  const ind = getIndikator("SPM-01")!;
  const out: MapRow[] = [];
  try {
    for (const l of levels) out.push(await measureOne(l, ind, tahun, bulan, runs));
  } finally {
    await closePool();
  }
  return out;
}

async function measureOne(l: { key: string; kode: string; session: Session; path: string }, ind: Indikator, tahun: number, bulan: number, runs: number): Promise<MapRow> {
  const node = await getWilayah(ADMIN, l.kode);
  const rows = (await childFigures(ADMIN, l.kode, tahun, bulan)).map((r) => ({ ...r, lalu: null, kelengkapan: null, ketepatan: null }));
  clearPetaCache();
  const t0 = performance.now();
  const peta = await loadPeta(ADMIN, node, ind, rows, tahun, bulan);
  const coldMs = Math.round((performance.now() - t0) * 10) / 10;
  const warm = await loadTask(1, runs, 2, async () => {
    await loadPeta(ADMIN, node, ind, rows, tahun, bulan);
  });
  return { key: l.key, kode: l.kode, units: peta?.units.length ?? 0, coldMs, warm, svgBytes: svgBytes(await l.session.text(l.path)) };
}
