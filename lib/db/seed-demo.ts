import type pg from "pg";
import { hashPasswordSync } from "@/lib/auth/password";
import { INDIKATOR } from "@/lib/spm/catalog";
import type { KelompokPenduduk } from "@/lib/spm/penduduk";
import { estimateSasaran, PARAMETER_DEFAULT } from "@/lib/spm/sasaran";
import { copyRows } from "./copy";
import { monthlyValues } from "./demo-values";
import { seededRandom, stableUuid } from "./random";

// Demo data (deterministic): posyandu, population, estimated sasaran, monthly reports from January 2025
// to the last full month before `today` for four kabupaten, and the demo accounts. Expects `init` done.

export const DEMO_KABUPATEN = ["36.04", "17.07", "17.02", "81.02"] as const;
export const DEMO_PASSWORD = "pantau-demo";
export const DEMO_USERS = [
  { email: "admin@pantau.id", nama: "Admin Nasional", role: "ADMIN", scope: {} },
  { email: "dinkes.banten@pantau.id", nama: "Dinkes Provinsi Banten", role: "DINKES_PROVINSI", scope: { provinsi: "36" } },
  { email: "dinkes.serang@pantau.id", nama: "Dinkes Kabupaten Serang", role: "DINKES_KABUPATEN", scope: { provinsi: "36", kabupaten: "36.04" } },
  { email: "pkm.anyar@pantau.id", nama: "Puskesmas Anyar", role: "PUSKESMAS", scope: { provinsi: "36", kabupaten: "36.04", puskesmas: "P36043001" } },
  { email: "dinkes.lebong@pantau.id", nama: "Dinkes Kabupaten Lebong", role: "DINKES_KABUPATEN", scope: { provinsi: "17", kabupaten: "17.07" } },
] as const;

const POSYANDU_NAMA = ["Melati", "Mawar", "Anggrek", "Kenanga", "Dahlia", "Flamboyan", "Cempaka", "Seruni", "Teratai", "Bougenville"];
const FIRST_YEAR = 2025;

interface DesaRow {
  kode: string;
  puskesmas_kode: string;
  kecamatan_kode: string;
  kabupaten_kode: string;
  provinsi_kode: string;
}

/** Months from January 2025 up to the last full month before `today`. */
export function demoMonths(today: Date): { tahun: number; bulan: number }[] {
  const months: { tahun: number; bulan: number }[] = [];
  const endTahun = today.getUTCMonth() === 0 ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
  const endBulan = today.getUTCMonth() === 0 ? 12 : today.getUTCMonth();
  for (let t = FIRST_YEAR; t <= endTahun; t++) for (let b = 1; b <= (t === endTahun ? endBulan : 12); b++) months.push({ tahun: t, bulan: b });
  return months;
}

function pendudukOf(total: number, rand: () => number, withGroups: boolean): Partial<Record<KelompokPenduduk, number>> {
  if (!withGroups) return { total };
  const share = (s: number) => Math.round(total * s * (0.9 + rand() * 0.2));
  return {
    total,
    bayi: share(0.0165),
    balita: share(0.085),
    usia_dikdas: share(0.16),
    usia_produktif: share(0.66),
    lansia: share(0.11),
    remaja: share(0.16),
    usia_15_plus: share(0.73),
  };
}

export async function seedDemo(client: pg.ClientBase, today: Date, log: (m: string) => void = () => {}): Promise<{ desa: number; laporan: number; nilai: number }> {
  const desa = (
    await client.query<DesaRow>(
      `SELECT kode, puskesmas_kode, kecamatan_kode, kabupaten_kode, provinsi_kode FROM desa
       WHERE kabupaten_kode = ANY($1) ORDER BY kode`,
      [DEMO_KABUPATEN],
    )
  ).rows;
  if (desa.length === 0) throw new Error("Pohon wilayah belum dimuat: jalankan `npm run cli -- init` dulu.");
  const months = demoMonths(today);
  const years = [...new Set(months.map((m) => m.tahun))];
  const rand = seededRandom(20250101);
  const posyandu: (string | number)[][] = [];
  const penduduk: (string | number)[][] = [];
  const sasaran: (string | number)[][] = [];
  const laporan: (string | number | boolean | null)[][] = [];
  const nilai: (string | number | boolean | null)[][] = [];
  const last = months[months.length - 1];

  for (const d of desa) {
    const n = 2 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) posyandu.push([`PY${d.kode.replace(/\./g, "")}${i + 1}`, `Posyandu ${POSYANDU_NAMA[(i + d.kode.length + Math.floor(rand() * 10)) % 10]} ${i + 1}`, d.kode]);
    const total0 = 800 + Math.floor(rand() * 7200);
    const withGroups = rand() < 0.7;
    const performa = 0.65 + rand() * 0.65;
    for (const tahun of years) {
      const total = Math.round(total0 * (1 + 0.012 * (tahun - FIRST_YEAR)));
      const pend = pendudukOf(total, rand, withGroups);
      for (const [k, v] of Object.entries(pend)) penduduk.push([d.kode, tahun, k, v]);
      const est = estimateSasaran(pend, PARAMETER_DEFAULT);
      for (const ind of INDIKATOR) {
        if (!ind.basis) continue;
        sasaran.push([d.kode, ind.kode, tahun, est[ind.basis], "ESTIMASI", d.puskesmas_kode, d.kecamatan_kode, d.kabupaten_kode, d.provinsi_kode]);
      }
      for (const { bulan } of months.filter((m) => m.tahun === tahun)) {
        const isLast = tahun === last.tahun && bulan === last.bulan;
        const r = rand();
        if (r < (isLast ? 0.1 : 0.04)) continue; // belum lapor
        const status = isLast ? (r < 0.35 ? "DRAFT" : "DIKIRIM") : r < 0.07 ? "DIKEMBALIKAN" : r < 0.2 ? "DIKIRIM" : "DIVERIFIKASI";
        const id = stableUuid(`${d.kode}/${tahun}/${bulan}`);
        const nextMonth = bulan === 12 ? { t: tahun + 1, b: 1 } : { t: tahun, b: bulan + 1 };
        const hari = 1 + Math.floor(rand() * 16);
        // Sent on day 1–16 of the next month at 15:00 WIB, but never after `today`: early in a month the last
        // month's reports were sent by now (a report dated in the future would count before it exists).
        const kirim = new Date(Math.min(Date.UTC(nextMonth.t, nextMonth.b - 1, hari, 8), today.getTime()));
        const hariKirim = new Date(kirim.getTime() + 7 * 3600_000).getUTCDate(); // its day in WIB
        const dikirimAt = status === "DRAFT" ? null : kirim.toISOString();
        const counted = status === "DIKIRIM" || status === "DIVERIFIKASI";
        laporan.push([
          id, d.kode, tahun, bulan, status, 1, status === "DIKEMBALIKAN" ? "Angka SPM-04 perlu dicek ulang dengan register kohort." : null,
          d.puskesmas_kode, d.kecamatan_kode, d.kabupaten_kode, d.provinsi_kode, dikirimAt, dikirimAt !== null && hariKirim > 10,
          dikirimAt ?? new Date(Date.UTC(tahun, bulan - 1, 28)).toISOString(),
        ]);
        const values = monthlyValues(INDIKATOR, est, performa * (0.85 + rand() * 0.3), rand);
        for (const [kode, v] of values) {
          nilai.push([id, kode, v, d.kode, d.puskesmas_kode, d.kecamatan_kode, d.kabupaten_kode, d.provinsi_kode, tahun, bulan, counted]);
        }
      }
    }
  }
  log(`demo: ${desa.length} desa, ${laporan.length} laporan, ${nilai.length} nilai`);
  await client.query("BEGIN");
  try {
    await copyRows(client, "posyandu", ["kode", "nama", "desa_kode"], posyandu);
    await copyRows(client, "penduduk", ["desa_kode", "tahun", "kelompok", "jumlah"], penduduk);
    await copyRows(client, "sasaran", ["desa_kode", "indikator_kode", "tahun", "jumlah", "sumber", "puskesmas_kode", "kecamatan_kode", "kabupaten_kode", "provinsi_kode"], sasaran);
    await copyRows(client, "laporan", ["id", "desa_kode", "tahun", "bulan", "status", "versi", "alasan", "puskesmas_kode", "kecamatan_kode", "kabupaten_kode", "provinsi_kode", "dikirim_at", "terlambat", "updated_at"], laporan);
    await copyRows(client, "nilai", ["laporan_id", "indikator_kode", "nilai", "desa_kode", "puskesmas_kode", "kecamatan_kode", "kabupaten_kode", "provinsi_kode", "tahun", "bulan", "dihitung"], nilai);
    await seedUsers(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return { desa: desa.length, laporan: laporan.length, nilai: nilai.length };
}

export async function seedUsers(client: pg.ClientBase): Promise<void> {
  const hash = hashPasswordSync(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const s = u.scope as { provinsi?: string; kabupaten?: string; puskesmas?: string };
    await client.query(
      `INSERT INTO app_user (id, email, nama, password_hash, role, provinsi_kode, kabupaten_kode, puskesmas_kode)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (email) DO NOTHING`,
      [stableUuid(u.email), u.email, u.nama, hash, u.role, s.provinsi ?? null, s.kabupaten ?? null, s.puskesmas ?? null],
    );
  }
}
