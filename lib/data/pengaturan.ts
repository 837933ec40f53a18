import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, requirePermission } from "@/lib/auth/permissions";
import type { WilayahPlace } from "@/lib/auth/scope";
import { pool } from "@/lib/db/pool";
import { HARI_BATAS_DEFAULT } from "@/lib/spm/kelengkapan";
import type { ParameterEstimasi } from "@/lib/spm/parameter";
import { parameterOf, reestimateSasaran } from "./sasaran-estimasi";
import { inTransaction } from "./transaction";
import { getWilayah } from "./wilayah";

// A kabupaten's settings: the report deadline day and the sasaran estimation parameters of a year
// (its own row of parameter_estimasi, else the national one, else the defaults). Changes are audited and
// re-estimate the ESTIMASI sasaran of every desa of the kabupaten in the same transaction.

export interface PengaturanKabupaten {
  kabupaten: { kode: string; nama: string };
  tahun: number;
  hariBatas: number;
  parameter: ParameterEstimasi;
  /** "kabupaten": its own row; "nasional": the national row or the defaults. */
  sumberParameter: "kabupaten" | "nasional";
}

/** The deadline day of a kabupaten's reports (default the 10th). */
export async function hariBatasKabupaten(kabupatenKode: string | null): Promise<number> {
  if (!kabupatenKode) return HARI_BATAS_DEFAULT;
  const r = await (await pool()).query<{ h: number }>(`SELECT hari_batas h FROM kabupaten WHERE kode = $1`, [kabupatenKode]);
  return r.rows[0]?.h ?? HARI_BATAS_DEFAULT;
}

/** The last deadline day among the kabupaten of a unit: its own kabupaten's below a provinsi, the latest of
 *  the provinsi's (or the nation's) kabupaten above: the day by which every report of a month is due. */
export async function hariBatasTerakhir(place: Pick<WilayahPlace, "provinsiKode" | "kabupatenKode">): Promise<number> {
  if (place.kabupatenKode) return hariBatasKabupaten(place.kabupatenKode);
  const r = await (await pool()).query<{ h: number | null }>(`SELECT max(hari_batas) h FROM kabupaten WHERE $1::text IS NULL OR provinsi_kode = $1`, [place.provinsiKode]);
  return r.rows[0]?.h ?? HARI_BATAS_DEFAULT;
}

export async function getPengaturan(actor: Actor, kabupatenKode: string, tahun: number): Promise<PengaturanKabupaten> {
  const node = await getWilayah(actor, kabupatenKode);
  if (node.tingkat !== "kabupaten") throw new ForbiddenError();
  const db = await pool();
  const [kab, param] = await Promise.all([
    db.query<{ h: number }>(`SELECT hari_batas h FROM kabupaten WHERE kode = $1`, [node.kode]),
    db.query<{ k: string; nilai: unknown }>(`SELECT kabupaten_kode k, nilai FROM parameter_estimasi WHERE tahun = $1 AND kabupaten_kode IN ('', $2) ORDER BY kabupaten_kode DESC`, [tahun, node.kode]),
  ]);
  const row = param.rows[0];
  return {
    kabupaten: { kode: node.kode, nama: node.nama },
    tahun,
    hariBatas: kab.rows[0]?.h ?? HARI_BATAS_DEFAULT,
    parameter: parameterOf(row?.nilai),
    sumberParameter: row?.k === node.kode ? "kabupaten" : "nasional",
  };
}

/** Saves the deadline day and the year's parameters of a kabupaten (dinkes kabupaten of that kabupaten). */
export async function simpanPengaturan(actor: Actor, kabupatenKode: string, tahun: number, hariBatas: number, parameter: ParameterEstimasi): Promise<{ sasaranBerubah: number }> {
  requirePermission(actor, "sasaran.kelola");
  const before = await getPengaturan(actor, kabupatenKode, tahun);
  return inTransaction(async (client) => {
    const audit = async (kunci: string, lama: unknown, baru: unknown) =>
      client.query(`INSERT INTO audit_log (user_id, user_email, aksi, entitas, kunci, lama, baru, sumber) VALUES ($1, $2, 'ubah', 'pengaturan', $3, $4::jsonb, $5::jsonb, 'formulir')`, [
        actor.id, actor.email, kunci, JSON.stringify(lama), JSON.stringify(baru),
      ]);
    if (before.hariBatas !== hariBatas) {
      await client.query(`UPDATE kabupaten SET hari_batas = $2 WHERE kode = $1`, [kabupatenKode, hariBatas]);
      await audit(`${kabupatenKode}/hari_batas`, before.hariBatas, hariBatas);
    }
    let sasaranBerubah = 0;
    if (JSON.stringify(before.parameter) !== JSON.stringify(parameter)) {
      await client.query(
        `INSERT INTO parameter_estimasi (tahun, kabupaten_kode, nilai, updated_at, updated_by) VALUES ($1, $2, $3::jsonb, now(), $4)
         ON CONFLICT (tahun, kabupaten_kode) DO UPDATE SET nilai = EXCLUDED.nilai, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [tahun, kabupatenKode, JSON.stringify(parameter), actor.email],
      );
      await audit(`${kabupatenKode}/parameter/${tahun}`, before.parameter, parameter);
      const desa = await client.query<{ d: string }>(`SELECT DISTINCT p.desa_kode d FROM penduduk p JOIN desa ON desa.kode = p.desa_kode WHERE desa.kabupaten_kode = $1 AND p.tahun = $2`, [kabupatenKode, tahun]);
      ({ changed: sasaranBerubah } = await reestimateSasaran(actor, desa.rows.map((r) => ({ desaKode: r.d, tahun })), { client, sumber: "parameter" }));
    }
    return { sasaranBerubah };
  }, { bulk: true }); // re-estimating a whole kabupaten can take longer than a web statement
}
