import "server-only";
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { canView } from "@/lib/auth/scope";
import { IMPORT_MSG } from "@/lib/i18n/import";
import { INDIKATOR } from "@/lib/spm/catalog";
import { KELOMPOK_PENDUDUK, type Penduduk } from "@/lib/spm/penduduk";
import { estimateSasaran, PARAMETER_DEFAULT, type ParameterEstimasi } from "@/lib/spm/sasaran";
import { loadDesa, stage } from "./staging";
import { inTransaction } from "./transaction";

// Re-estimation of ESTIMASI sasaran from population (DOMAIN.md §5), for given (desa, tahun) pairs. Call it
// after any population change. Parameters of the year: the desa's kabupaten row of parameter_estimasi,
// else the national row (kabupaten_kode ''), else PARAMETER_DEFAULT. A DITETAPKAN sasaran is never touched.
// Pairs without any population row are left alone. Only estimates that change are written and audited.

export interface DesaTahun {
  desaKode: string;
  tahun: number;
}

export interface ReestimateOptions {
  /** Run inside the caller's transaction (recommended after a population write); else one of its own. */
  client?: pg.ClientBase;
  /** audit_log.sumber of the changes, e.g. 'import' or 'form'. */
  sumber?: string;
}

/** Returns how many sasaran rows were added or changed. Throws when a desa is unknown or out of scope. */
export async function reestimateSasaran(actor: Actor, keys: readonly DesaTahun[], options: ReestimateOptions = {}): Promise<{ changed: number }> {
  if (keys.length === 0) return { changed: 0 };
  const run = (client: pg.ClientBase) => reestimate(client, actor, keys, options.sumber ?? "estimasi");
  return options.client ? run(options.client) : inTransaction(run, { bulk: true });
}

async function reestimate(client: pg.ClientBase, actor: Actor, keys: readonly DesaTahun[], sumber: string): Promise<{ changed: number }> {
  const desa = await loadDesa(client, [...new Set(keys.map((k) => k.desaKode))]);
  for (const k of keys) {
    const d = desa.get(k.desaKode);
    if (!d) throw new NotFoundError(IMPORT_MSG.desaTidakDitemukan(k.desaKode));
    if (!canView(actor, d)) throw new ForbiddenError();
  }
  const years = [...new Set(keys.map((k) => k.tahun))];
  // One after another: a pg client runs one query at a time (pg queues the rest, and pg 9 will refuse them).
  const penduduk = await client.query<{ desa_kode: string; tahun: number; kelompok: string; jumlah: number }>(
    `SELECT p.desa_kode, p.tahun, p.kelompok, p.jumlah
     FROM penduduk p JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::int[]) AS k(desa_kode, tahun)) k USING (desa_kode, tahun)`,
    [keys.map((k) => k.desaKode), keys.map((k) => k.tahun)],
  );
  const parameters = await client.query<{ tahun: number; kabupaten_kode: string; nilai: unknown }>(
    `SELECT tahun, kabupaten_kode, nilai FROM parameter_estimasi
     WHERE tahun = ANY($1) AND (kabupaten_kode = '' OR kabupaten_kode = ANY($2))`,
    [years, [...new Set([...desa.values()].map((d) => d.kabupatenKode))]],
  );

  const byPair = new Map<string, Penduduk>();
  for (const r of penduduk.rows) {
    const kelompok = KELOMPOK_PENDUDUK.find((k) => k === r.kelompok);
    if (!kelompok) continue;
    const key = `${r.desa_kode}/${r.tahun}`;
    const p = byPair.get(key) ?? {};
    p[kelompok] = r.jumlah;
    byPair.set(key, p);
  }
  const param = new Map(parameters.rows.map((r) => [`${r.tahun}/${r.kabupaten_kode}`, parameterOf(r.nilai)]));
  const withSasaran = INDIKATOR.filter((i) => i.basis !== null);

  const estimates: (string | number)[][] = [];
  for (const key of byPair.keys()) {
    const [desaKode, tahunText] = key.split("/");
    const d = desa.get(desaKode)!; // every pair's desa was checked above
    const p = param.get(`${tahunText}/${d.kabupatenKode}`) ?? param.get(`${tahunText}/`) ?? PARAMETER_DEFAULT;
    const est = estimateSasaran(byPair.get(key)!, p);
    for (const i of withSasaran) estimates.push([desaKode, i.kode, Number(tahunText), est[i.basis!]]);
  }
  if (estimates.length === 0) return { changed: 0 };

  const at = new Date().toISOString();
  await stage(client, "est_sasaran", "desa_kode text, indikator_kode text, tahun int, jumlah int", estimates);
  await client.query(`DROP TABLE IF EXISTS pg_temp.est_sasaran_beda`);
  await client.query(
    `CREATE TEMP TABLE est_sasaran_beda ON COMMIT DROP AS
     SELECT e.desa_kode, e.indikator_kode, e.tahun, e.jumlah, x.jumlah AS lama
     FROM est_sasaran e LEFT JOIN sasaran x USING (desa_kode, indikator_kode, tahun)
     WHERE x.desa_kode IS NULL OR (x.sumber = 'ESTIMASI' AND x.jumlah <> e.jumlah)`,
  );
  const written = await client.query(
    `INSERT INTO sasaran (desa_kode, indikator_kode, tahun, jumlah, sumber, puskesmas_kode, kecamatan_kode, kabupaten_kode,
       provinsi_kode, updated_at, updated_by)
     SELECT d.kode, b.indikator_kode, b.tahun, b.jumlah, 'ESTIMASI', d.puskesmas_kode, d.kecamatan_kode, d.kabupaten_kode,
       d.provinsi_kode, $1::timestamp, $2
     FROM est_sasaran_beda b JOIN desa d ON d.kode = b.desa_kode
     ON CONFLICT (desa_kode, indikator_kode, tahun) DO UPDATE SET jumlah = EXCLUDED.jumlah,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
     WHERE sasaran.sumber = 'ESTIMASI'`,
    [at, actor.email],
  );
  await client.query(
    `INSERT INTO audit_log (at, user_id, user_email, aksi, entitas, kunci, lama, baru, sumber)
     SELECT $1::timestamp, $2, $3, CASE WHEN lama IS NULL THEN 'tambah' ELSE 'ubah' END, 'sasaran',
       desa_kode || '/' || tahun || '/' || indikator_kode,
       CASE WHEN lama IS NULL THEN NULL ELSE jsonb_build_object('jumlah', lama, 'sumber', 'ESTIMASI') END,
       jsonb_build_object('jumlah', jumlah, 'sumber', 'ESTIMASI'), $4
     FROM est_sasaran_beda ORDER BY desa_kode, tahun, indikator_kode`,
    [at, actor.id, actor.email, sumber],
  );
  return { changed: written.rowCount ?? 0 };
}

/** A stored parameter set over the defaults: a key missing from the JSON keeps its default. */
export function parameterOf(json: unknown): ParameterEstimasi {
  // parameter_estimasi.nilai holds a (possibly partial) ParameterEstimasi written by the application.
  const stored = (typeof json === "object" && json !== null ? json : {}) as Partial<ParameterEstimasi>;
  return { ...PARAMETER_DEFAULT, ...stored, proporsi: { ...PARAMETER_DEFAULT.proporsi, ...(stored.proporsi ?? {}) } };
}
