import type pg from "pg";
import { copyRows } from "./copy";
import { defaultPuskesmasKode, pustuKode, readWilayah } from "./wilayah-source";

// Loads the whole national tree (idempotent: existing rows are kept) plus a default puskesmas per
// kecamatan and a pustu per desa. Staged with COPY into temporary tables, then inserted in one go.

export interface LoadCounts {
  provinsi: number;
  kabupaten: number;
  kecamatan: number;
  desa: number;
}

export async function loadWilayah(client: pg.ClientBase): Promise<LoadCounts> {
  const w = readWilayah();
  await client.query("BEGIN");
  try {
    await client.query(`CREATE TEMP TABLE stg_wilayah (tingkat int, kode text, induk text, nama text) ON COMMIT DROP`);
    const staged = [
      ...w.provinsi.map((r) => [1, r.kode, r.induk, r.nama] as const),
      ...w.kabupaten.map((r) => [2, r.kode, r.induk, r.nama] as const),
      ...w.kecamatan.map((r) => [3, r.kode, r.induk, r.nama] as const),
      ...w.desa.map((r) => [4, r.kode, r.induk, r.nama] as const),
    ];
    await copyRows(client, "stg_wilayah", ["tingkat", "kode", "induk", "nama"], staged);
    await client.query(`INSERT INTO provinsi (kode, nama) SELECT kode, nama FROM stg_wilayah WHERE tingkat = 1
      ON CONFLICT (kode) DO NOTHING`);
    await client.query(`INSERT INTO kabupaten (kode, nama, provinsi_kode)
      SELECT kode, nama, induk FROM stg_wilayah WHERE tingkat = 2 ON CONFLICT (kode) DO NOTHING`);
    await client.query(`INSERT INTO kecamatan (kode, nama, kabupaten_kode, provinsi_kode)
      SELECT kode, nama, induk, split_part(induk, '.', 1) FROM stg_wilayah WHERE tingkat = 3
      ON CONFLICT (kode) DO NOTHING`);
    const kec = await client.query<{ kode: string; nama: string; kabupaten_kode: string; provinsi_kode: string }>(
      `SELECT kode, nama, kabupaten_kode, provinsi_kode FROM kecamatan`,
    );
    await client.query(`CREATE TEMP TABLE stg_puskesmas (kode text, nama text, kabupaten_kode text,
      provinsi_kode text, kecamatan_kode text) ON COMMIT DROP`);
    await copyRows(
      client,
      "stg_puskesmas",
      ["kode", "nama", "kabupaten_kode", "provinsi_kode", "kecamatan_kode"],
      kec.rows.map((k) => [defaultPuskesmasKode(k.kode), `Puskesmas ${k.nama}`, k.kabupaten_kode, k.provinsi_kode, k.kode]),
    );
    await client.query(`INSERT INTO puskesmas (kode, nama, kabupaten_kode, provinsi_kode, kecamatan_kode)
      SELECT * FROM stg_puskesmas ON CONFLICT (kode) DO NOTHING`);
    await client.query(`CREATE TEMP TABLE stg_desa (kode text, nama text, kecamatan_kode text, puskesmas_kode text,
      pustu_kode text) ON COMMIT DROP`);
    await copyRows(
      client,
      "stg_desa",
      ["kode", "nama", "kecamatan_kode", "puskesmas_kode", "pustu_kode"],
      w.desa.map((d) => [d.kode, d.nama, d.induk, defaultPuskesmasKode(d.induk), pustuKode(d.kode)]),
    );
    await client.query(`INSERT INTO desa (kode, nama, kecamatan_kode, kabupaten_kode, provinsi_kode, puskesmas_kode)
      SELECT kode, nama, kecamatan_kode, split_part(kecamatan_kode, '.', 1) || '.' || split_part(kecamatan_kode, '.', 2),
             split_part(kecamatan_kode, '.', 1), puskesmas_kode
      FROM stg_desa ON CONFLICT (kode) DO NOTHING`);
    await client.query(`INSERT INTO pustu (kode, nama, desa_kode, puskesmas_kode)
      SELECT s.pustu_kode, 'Pustu ' || d.nama, d.kode, d.puskesmas_kode FROM stg_desa s JOIN desa d ON d.kode = s.kode
      ON CONFLICT DO NOTHING`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return { provinsi: w.provinsi.length, kabupaten: w.kabupaten.length, kecamatan: w.kecamatan.length, desa: w.desa.length };
}
