import type pg from "pg";
import { hashPasswordSync } from "@/lib/auth/password";
import { stableUuid } from "@/lib/db/random";
import { LAST } from "./generate";

// The units the benchmark measures and the accounts it logs in with: chosen by SQL from the loaded data
// (so the smoke with a few hundred desa and the national set use the same rules).

export const BENCH_PASSWORD = "pantau-bench";
export const PROVINSI = "33"; // Jawa Tengah: the provinsi with the most desa

export interface Targets {
  tahun: number;
  bulan: number;
  provinsi: string;
  kabupaten: string;
  puskesmas: string;
  desa: string;
  /** Desa of the puskesmas (for concurrent form saves: one per client). */
  desaPuskesmas: string[];
  users: Record<"nasional" | "provinsi" | "kabupaten" | "puskesmas", string>;
}

export async function findTargets(client: pg.ClientBase): Promise<Targets> {
  const kab = await client.query<{ k: string }>(
    `SELECT kabupaten_kode k FROM laporan WHERE provinsi_kode = $1 AND tahun = $2 AND bulan = $3
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [PROVINSI, LAST.tahun, LAST.bulan],
  );
  if (!kab.rows[0]) throw new Error(`Belum ada data benchmark di provinsi ${PROVINSI}: jalankan \`npm run bench:data\` dulu.`);
  const kabupaten = kab.rows[0].k;
  const pkm = await client.query<{ p: string }>(
    `SELECT puskesmas_kode p FROM laporan WHERE kabupaten_kode = $1 AND tahun = $2 AND bulan = $3
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [kabupaten, LAST.tahun, LAST.bulan],
  );
  const puskesmas = pkm.rows[0].p;
  const desa = await client.query<{ kode: string }>(
    `SELECT d.kode FROM desa d JOIN laporan l ON l.desa_kode = d.kode AND l.tahun = $2 AND l.bulan = $3
     WHERE d.puskesmas_kode = $1 AND l.status <> 'DIVERIFIKASI' ORDER BY (l.status = 'DIKIRIM') DESC, d.kode`,
    [puskesmas, LAST.tahun, LAST.bulan],
  );
  return {
    tahun: LAST.tahun,
    bulan: LAST.bulan,
    provinsi: PROVINSI,
    kabupaten,
    puskesmas,
    desa: desa.rows[0].kode,
    desaPuskesmas: desa.rows.map((r) => r.kode),
    users: {
      nasional: "bench.admin@pantau.id",
      provinsi: "bench.provinsi@pantau.id",
      kabupaten: "bench.kabupaten@pantau.id",
      puskesmas: "bench.puskesmas@pantau.id",
    },
  };
}

/** One account per level, scoped to the targets (re-scoped when the data changed). */
export async function upsertBenchUsers(client: pg.ClientBase, t: Targets): Promise<void> {
  const hash = hashPasswordSync(BENCH_PASSWORD);
  const rows: [string, string, string, string | null, string | null, string | null][] = [
    [t.users.nasional, "Bench Admin", "ADMIN", null, null, null],
    [t.users.provinsi, "Bench Dinkes Provinsi", "DINKES_PROVINSI", t.provinsi, null, null],
    [t.users.kabupaten, "Bench Dinkes Kabupaten", "DINKES_KABUPATEN", t.provinsi, t.kabupaten, null],
    [t.users.puskesmas, "Bench Puskesmas", "PUSKESMAS", t.provinsi, t.kabupaten, t.puskesmas],
  ];
  for (const [email, nama, role, prov, kab, pkm] of rows) {
    await client.query(
      `INSERT INTO app_user (id, email, nama, password_hash, role, provinsi_kode, kabupaten_kode, puskesmas_kode)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, provinsi_kode = EXCLUDED.provinsi_kode,
         kabupaten_kode = EXCLUDED.kabupaten_kode, puskesmas_kode = EXCLUDED.puskesmas_kode, aktif = true`,
      [stableUuid(email), email, nama, hash, role, prov, kab, pkm],
    );
  }
}
