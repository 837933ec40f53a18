-- National scale (issue 8): rollups per puskesmas, kabupaten and provinsi of the three fact tables, kept
-- exact inside the writing transaction, and indexes that match the per-unit queries.
--
-- How the rollups stay exact without touching any write path:
--   * statement-level AFTER triggers on nilai, sasaran and laporan (transition tables, so a COPY or a
--     set-based upsert of 100,000 rows costs one aggregate, not 100,000 trigger calls) add the statement's
--     net change per puskesmas cell to `rekap_antrean`;
--   * a deferred constraint trigger on `rekap_antrean` applies the queued changes to the rekap_* tables at
--     commit, in key order, in one statement per table. Concurrent writers (a puskesmas saving a form, a
--     dinkes verifying, an import) therefore lock the shared provinsi/kabupaten rows only for the last
--     moment of their transaction and always in the same order: no deadlock, no long hot-row wait.
-- A rolled-back transaction rolls back its queue rows too. Nothing is cached outside the transaction.
--
-- Rows: tingkat 'provinsi' (kabupaten_kode ''), 'kabupaten' (kabupaten_kode = kode) and 'puskesmas'
-- (kabupaten_kode = its kabupaten). Every row carries provinsi_kode: the distribution column for Citus
-- (docs/scaling.md). Below the puskesmas (kecamatan, desa) the base tables answer with their own indexes.

-- Sum of the counted values (nilai.dihitung) per unit, indicator and month.
CREATE TABLE "rekap_nilai" (
  "tingkat" TEXT NOT NULL,
  "provinsi_kode" TEXT NOT NULL,
  "kabupaten_kode" TEXT NOT NULL,
  "tahun" INTEGER NOT NULL,
  "kode" TEXT NOT NULL,
  "bulan" INTEGER NOT NULL,
  "indikator_kode" TEXT NOT NULL,
  "jumlah" BIGINT NOT NULL,
  CONSTRAINT "rekap_nilai_pkey" PRIMARY KEY ("tingkat", "provinsi_kode", "kabupaten_kode", "tahun", "kode", "bulan", "indikator_kode")
);

-- Sum of sasaran per unit, indicator and year; `baris` = desa rows behind it (0 = no sasaran at all, which
-- is not the same as a sasaran of 0), `ditetapkan` = rows with sumber DITETAPKAN.
CREATE TABLE "rekap_sasaran" (
  "tingkat" TEXT NOT NULL,
  "provinsi_kode" TEXT NOT NULL,
  "kabupaten_kode" TEXT NOT NULL,
  "tahun" INTEGER NOT NULL,
  "kode" TEXT NOT NULL,
  "indikator_kode" TEXT NOT NULL,
  "jumlah" BIGINT NOT NULL,
  "baris" INTEGER NOT NULL,
  "ditetapkan" INTEGER NOT NULL,
  CONSTRAINT "rekap_sasaran_pkey" PRIMARY KEY ("tingkat", "provinsi_kode", "kabupaten_kode", "tahun", "kode", "indikator_kode")
);

-- Reports submitted (DIKIRIM or DIVERIFIKASI) and, of those, on time, per unit and month.
CREATE TABLE "rekap_laporan" (
  "tingkat" TEXT NOT NULL,
  "provinsi_kode" TEXT NOT NULL,
  "kabupaten_kode" TEXT NOT NULL,
  "tahun" INTEGER NOT NULL,
  "kode" TEXT NOT NULL,
  "bulan" INTEGER NOT NULL,
  "dikirim" INTEGER NOT NULL,
  "tepat" INTEGER NOT NULL,
  CONSTRAINT "rekap_laporan_pkey" PRIMARY KEY ("tingkat", "provinsi_kode", "kabupaten_kode", "tahun", "kode", "bulan")
);

-- Changes of the current transaction, per puskesmas cell, waiting for commit. Rows never outlive their
-- transaction (deleted when applied), so the table need not be crash-safe.
CREATE UNLOGGED TABLE "rekap_antrean" (
  "jenis" TEXT NOT NULL,
  "provinsi_kode" TEXT NOT NULL,
  "kabupaten_kode" TEXT NOT NULL,
  "puskesmas_kode" TEXT NOT NULL,
  "indikator_kode" TEXT NOT NULL,
  "tahun" INTEGER NOT NULL,
  "bulan" INTEGER NOT NULL,
  "a" BIGINT NOT NULL,
  "b" BIGINT NOT NULL,
  "c" BIGINT NOT NULL
);

-- Rollup rows are updated in place (only the sums change, no indexed column): room for HOT updates.
ALTER TABLE "rekap_nilai" SET (fillfactor = 90);
ALTER TABLE "rekap_sasaran" SET (fillfactor = 90);
ALTER TABLE "rekap_laporan" SET (fillfactor = 90);
-- Every write inserts and deletes queue rows: vacuum it often.
ALTER TABLE "rekap_antrean" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000);

-- Queue the net change of one statement on nilai.
CREATE FUNCTION rekap_nilai_catat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rekap_antrean
    SELECT 'nilai', provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, bulan, sum(nilai), 0, 0
    FROM baru WHERE dihitung GROUP BY 2, 3, 4, 5, 6, 7 HAVING sum(nilai) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rekap_antrean
    SELECT 'nilai', provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, bulan, -sum(nilai), 0, 0
    FROM lama WHERE dihitung GROUP BY 2, 3, 4, 5, 6, 7 HAVING sum(nilai) <> 0;
  ELSE
    INSERT INTO rekap_antrean
    SELECT 'nilai', provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, bulan, sum(a), 0, 0
    FROM (SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, bulan, nilai::bigint AS a FROM baru WHERE dihitung
          UNION ALL
          SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, bulan, -nilai::bigint FROM lama WHERE dihitung) d
    GROUP BY 2, 3, 4, 5, 6, 7 HAVING sum(a) <> 0;
  END IF;
  RETURN NULL;
END $$;

-- Queue the net change of one statement on sasaran (a = jumlah, b = rows, c = DITETAPKAN rows).
CREATE FUNCTION rekap_sasaran_catat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rekap_antrean
    SELECT 'sasaran', provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, 0,
           sum(jumlah), count(*), count(*) FILTER (WHERE sumber = 'DITETAPKAN')
    FROM baru GROUP BY 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rekap_antrean
    SELECT 'sasaran', provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, 0,
           -sum(jumlah), -count(*), -count(*) FILTER (WHERE sumber = 'DITETAPKAN')
    FROM lama GROUP BY 2, 3, 4, 5, 6;
  ELSE
    INSERT INTO rekap_antrean
    SELECT 'sasaran', provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, 0, sum(a), sum(b), sum(c)
    FROM (SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, jumlah::bigint AS a, 1 AS b,
                 (sumber = 'DITETAPKAN')::int AS c FROM baru
          UNION ALL
          SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, -jumlah::bigint, -1,
                 -(sumber = 'DITETAPKAN')::int FROM lama) d
    GROUP BY 2, 3, 4, 5, 6 HAVING sum(a) <> 0 OR sum(b) <> 0 OR sum(c) <> 0;
  END IF;
  RETURN NULL;
END $$;

-- Queue the net change of one statement on laporan (a = submitted, b = submitted on time).
CREATE FUNCTION rekap_laporan_catat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rekap_antrean
    SELECT 'laporan', provinsi_kode, kabupaten_kode, puskesmas_kode, '', tahun, bulan, count(*), count(*) FILTER (WHERE NOT terlambat), 0
    FROM baru WHERE status IN ('DIKIRIM', 'DIVERIFIKASI') GROUP BY 2, 3, 4, 6, 7;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rekap_antrean
    SELECT 'laporan', provinsi_kode, kabupaten_kode, puskesmas_kode, '', tahun, bulan, -count(*), -count(*) FILTER (WHERE NOT terlambat), 0
    FROM lama WHERE status IN ('DIKIRIM', 'DIVERIFIKASI') GROUP BY 2, 3, 4, 6, 7;
  ELSE
    INSERT INTO rekap_antrean
    SELECT 'laporan', provinsi_kode, kabupaten_kode, puskesmas_kode, '', tahun, bulan, sum(a), sum(b), 0
    FROM (SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, tahun, bulan, 1 AS a, (NOT terlambat)::int AS b
          FROM baru WHERE status IN ('DIKIRIM', 'DIVERIFIKASI')
          UNION ALL
          SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, tahun, bulan, -1, -(NOT terlambat)::int
          FROM lama WHERE status IN ('DIKIRIM', 'DIVERIFIKASI')) d
    GROUP BY 2, 3, 4, 6, 7 HAVING sum(a) <> 0 OR sum(b) <> 0;
  END IF;
  RETURN NULL;
END $$;

-- Apply (and empty) the transaction's queue: one upsert per rekap table, rows in key order.
CREATE FUNCTION rekap_terapkan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM rekap_antrean) THEN
    RETURN NULL; -- already applied by an earlier event of this transaction
  END IF;
  WITH d AS (DELETE FROM rekap_antrean WHERE jenis = 'nilai' RETURNING *)
  INSERT INTO rekap_nilai AS r (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, bulan, indikator_kode, jumlah)
  SELECT u.tingkat, d.provinsi_kode, u.kab, d.tahun, u.kode, d.bulan, d.indikator_kode, sum(d.a)
  FROM d CROSS JOIN LATERAL (VALUES ('provinsi', '', d.provinsi_kode), ('kabupaten', d.kabupaten_kode, d.kabupaten_kode),
                                    ('puskesmas', d.kabupaten_kode, d.puskesmas_kode)) u (tingkat, kab, kode)
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.a) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, bulan, indikator_kode)
  DO UPDATE SET jumlah = r.jumlah + EXCLUDED.jumlah;

  WITH d AS (DELETE FROM rekap_antrean WHERE jenis = 'sasaran' RETURNING *)
  INSERT INTO rekap_sasaran AS r (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, indikator_kode, jumlah, baris, ditetapkan)
  SELECT u.tingkat, d.provinsi_kode, u.kab, d.tahun, u.kode, d.indikator_kode, sum(d.a), sum(d.b), sum(d.c)
  FROM d CROSS JOIN LATERAL (VALUES ('provinsi', '', d.provinsi_kode), ('kabupaten', d.kabupaten_kode, d.kabupaten_kode),
                                    ('puskesmas', d.kabupaten_kode, d.puskesmas_kode)) u (tingkat, kab, kode)
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.a) <> 0 OR sum(d.b) <> 0 OR sum(d.c) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, indikator_kode)
  DO UPDATE SET jumlah = r.jumlah + EXCLUDED.jumlah, baris = r.baris + EXCLUDED.baris, ditetapkan = r.ditetapkan + EXCLUDED.ditetapkan;

  WITH d AS (DELETE FROM rekap_antrean WHERE jenis = 'laporan' RETURNING *)
  INSERT INTO rekap_laporan AS r (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, bulan, dikirim, tepat)
  SELECT u.tingkat, d.provinsi_kode, u.kab, d.tahun, u.kode, d.bulan, sum(d.a), sum(d.b)
  FROM d CROSS JOIN LATERAL (VALUES ('provinsi', '', d.provinsi_kode), ('kabupaten', d.kabupaten_kode, d.kabupaten_kode),
                                    ('puskesmas', d.kabupaten_kode, d.puskesmas_kode)) u (tingkat, kab, kode)
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.a) <> 0 OR sum(d.b) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, bulan)
  DO UPDATE SET dikirim = r.dikirim + EXCLUDED.dikirim, tepat = r.tepat + EXCLUDED.tepat;
  RETURN NULL;
END $$;

-- Recompute every rollup from the base tables (bulk loads run with the triggers disabled, then call this).
CREATE FUNCTION rekap_bangun_ulang() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rekap_antrean;
  TRUNCATE rekap_nilai, rekap_sasaran, rekap_laporan;
  CREATE TEMP TABLE rekap_sel ON COMMIT DROP AS
    SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, bulan, sum(nilai)::bigint AS a
    FROM nilai WHERE dihitung GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO rekap_nilai (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, bulan, indikator_kode, jumlah)
  SELECT u.tingkat, s.provinsi_kode, u.kab, s.tahun, u.kode, s.bulan, s.indikator_kode, sum(s.a)
  FROM rekap_sel s CROSS JOIN LATERAL (VALUES ('provinsi', '', s.provinsi_kode), ('kabupaten', s.kabupaten_kode, s.kabupaten_kode),
                                              ('puskesmas', s.kabupaten_kode, s.puskesmas_kode)) u (tingkat, kab, kode)
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(s.a) <> 0;
  DROP TABLE rekap_sel;
  INSERT INTO rekap_sasaran (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, indikator_kode, jumlah, baris, ditetapkan)
  SELECT u.tingkat, s.provinsi_kode, u.kab, s.tahun, u.kode, s.indikator_kode, sum(s.jumlah), sum(s.baris), sum(s.ditetapkan)
  FROM (SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, indikator_kode, tahun, sum(jumlah)::bigint AS jumlah,
               count(*) AS baris, count(*) FILTER (WHERE sumber = 'DITETAPKAN') AS ditetapkan
        FROM sasaran GROUP BY 1, 2, 3, 4, 5) s
  CROSS JOIN LATERAL (VALUES ('provinsi', '', s.provinsi_kode), ('kabupaten', s.kabupaten_kode, s.kabupaten_kode),
                             ('puskesmas', s.kabupaten_kode, s.puskesmas_kode)) u (tingkat, kab, kode)
  GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO rekap_laporan (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, bulan, dikirim, tepat)
  SELECT u.tingkat, s.provinsi_kode, u.kab, s.tahun, u.kode, s.bulan, sum(s.dikirim), sum(s.tepat)
  FROM (SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, tahun, bulan, count(*) AS dikirim,
               count(*) FILTER (WHERE NOT terlambat) AS tepat
        FROM laporan WHERE status IN ('DIKIRIM', 'DIVERIFIKASI') GROUP BY 1, 2, 3, 4, 5) s
  CROSS JOIN LATERAL (VALUES ('provinsi', '', s.provinsi_kode), ('kabupaten', s.kabupaten_kode, s.kabupaten_kode),
                             ('puskesmas', s.kabupaten_kode, s.puskesmas_kode)) u (tingkat, kab, kode)
  GROUP BY 1, 2, 3, 4, 5, 6;
END $$;

-- TRUNCATE of a fact table empties its rollup.
CREATE FUNCTION rekap_kosongkan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('TRUNCATE %I', 'rekap_' || TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER rekap_nilai_insert AFTER INSERT ON "nilai" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION rekap_nilai_catat();
CREATE TRIGGER rekap_nilai_update AFTER UPDATE ON "nilai" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION rekap_nilai_catat();
CREATE TRIGGER rekap_nilai_delete AFTER DELETE ON "nilai" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION rekap_nilai_catat();
CREATE TRIGGER rekap_nilai_truncate AFTER TRUNCATE ON "nilai" FOR EACH STATEMENT EXECUTE FUNCTION rekap_kosongkan();
CREATE TRIGGER rekap_sasaran_insert AFTER INSERT ON "sasaran" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION rekap_sasaran_catat();
CREATE TRIGGER rekap_sasaran_update AFTER UPDATE ON "sasaran" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION rekap_sasaran_catat();
CREATE TRIGGER rekap_sasaran_delete AFTER DELETE ON "sasaran" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION rekap_sasaran_catat();
CREATE TRIGGER rekap_sasaran_truncate AFTER TRUNCATE ON "sasaran" FOR EACH STATEMENT EXECUTE FUNCTION rekap_kosongkan();
CREATE TRIGGER rekap_laporan_insert AFTER INSERT ON "laporan" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION rekap_laporan_catat();
CREATE TRIGGER rekap_laporan_update AFTER UPDATE ON "laporan" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION rekap_laporan_catat();
CREATE TRIGGER rekap_laporan_delete AFTER DELETE ON "laporan" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION rekap_laporan_catat();
CREATE TRIGGER rekap_laporan_truncate AFTER TRUNCATE ON "laporan" FOR EACH STATEMENT EXECUTE FUNCTION rekap_kosongkan();
CREATE CONSTRAINT TRIGGER rekap_terapkan AFTER INSERT ON "rekap_antrean" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION rekap_terapkan();

-- Indexes matching the per-unit queries below the rollups: unit code first, then the period. They replace
-- the (tahun, indikator_kode, <level>) indexes: a unit's query has no indikator filter, so those were scanned
-- over the whole year (every desa of the country) for one kecamatan.
DROP INDEX "nilai_tahun_indikator_kode_desa_kode_idx";
DROP INDEX "nilai_tahun_indikator_kode_puskesmas_kode_idx";
DROP INDEX "nilai_tahun_indikator_kode_kecamatan_kode_idx";
DROP INDEX "nilai_tahun_indikator_kode_kabupaten_kode_idx";
DROP INDEX "nilai_tahun_indikator_kode_provinsi_kode_idx";
CREATE INDEX "nilai_desa_kode_tahun_bulan_idx" ON "nilai"("desa_kode", "tahun", "bulan");
CREATE INDEX "nilai_puskesmas_kode_tahun_bulan_idx" ON "nilai"("puskesmas_kode", "tahun", "bulan");
CREATE INDEX "nilai_kecamatan_kode_tahun_bulan_idx" ON "nilai"("kecamatan_kode", "tahun", "bulan");
CREATE INDEX "nilai_kabupaten_kode_tahun_bulan_idx" ON "nilai"("kabupaten_kode", "tahun", "bulan");
CREATE INDEX "nilai_provinsi_kode_tahun_bulan_idx" ON "nilai"("provinsi_kode", "tahun", "bulan");
DROP INDEX "sasaran_tahun_indikator_kode_puskesmas_kode_idx";
DROP INDEX "sasaran_tahun_indikator_kode_kecamatan_kode_idx";
DROP INDEX "sasaran_tahun_indikator_kode_kabupaten_kode_idx";
DROP INDEX "sasaran_tahun_indikator_kode_provinsi_kode_idx";
CREATE INDEX "sasaran_puskesmas_kode_tahun_idx" ON "sasaran"("puskesmas_kode", "tahun");
CREATE INDEX "sasaran_kecamatan_kode_tahun_idx" ON "sasaran"("kecamatan_kode", "tahun");
CREATE INDEX "sasaran_kabupaten_kode_tahun_idx" ON "sasaran"("kabupaten_kode", "tahun");
CREATE INDEX "sasaran_provinsi_kode_tahun_idx" ON "sasaran"("provinsi_kode", "tahun");
CREATE INDEX "laporan_puskesmas_kode_tahun_bulan_idx" ON "laporan"("puskesmas_kode", "tahun", "bulan");
CREATE INDEX "laporan_kecamatan_kode_tahun_bulan_idx" ON "laporan"("kecamatan_kode", "tahun", "bulan");
-- "Data per" stamp: max(updated_at) of a unit's reports, read from the end of these.
CREATE INDEX "laporan_updated_at_idx" ON "laporan"("updated_at");
CREATE INDEX "laporan_provinsi_kode_updated_at_idx" ON "laporan"("provinsi_kode", "updated_at");
CREATE INDEX "laporan_kabupaten_kode_updated_at_idx" ON "laporan"("kabupaten_kode", "updated_at");
CREATE INDEX "laporan_kecamatan_kode_updated_at_idx" ON "laporan"("kecamatan_kode", "updated_at");
CREATE INDEX "laporan_puskesmas_kode_updated_at_idx" ON "laporan"("puskesmas_kode", "updated_at");

-- Existing data (a database migrated with values already loaded).
SELECT rekap_bangun_ulang();
