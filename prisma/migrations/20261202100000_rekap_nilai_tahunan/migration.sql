-- National scale (issue 8): rekap_nilai holds one row per unit, indicator and YEAR with the twelve monthly
-- sums in columns b1..b12 (was: one row per month), and gains a `desa` level.
--
-- Why: a dashboard reads months 1..m of one year for a unit and its children. With a row per month a
-- kabupaten's 44 puskesmas were 9,239 rollup rows to read and aggregate (≈ 12 ms, the largest query of the
-- page); with a row per year they are 1,100 rows (44 × 25), read without aggregation. The `desa` level
-- (kabupaten_kode = the desa's kabupaten, kode = desa code) lets the report of a kabupaten, provinsi or the
-- nation at desa detail read 25 rows per desa instead of every monthly value (Jawa Tengah: 214,000 rollup
-- rows instead of 2.1 M rows of `nilai`).
--
-- Kept exact as before: the statement triggers queue the net change per desa cell (the queue gains
-- desa_kode), the deferred trigger applies it at commit in key order, one upsert for all four levels.
--
-- The deferred trigger now fires once per transaction, not once per queued row: it sits on
-- `rekap_tanda`, which gets one row per writing transaction (txid, ON CONFLICT DO NOTHING), instead of on
-- the queue. Each per-row firing re-checked the queue, a cost quadratic in the queue's length that a
-- queue per desa cell (a seed or a large import queues hundreds of thousands of rows) cannot afford.

DROP TABLE "rekap_nilai";
CREATE TABLE "rekap_nilai" (
  "tingkat" TEXT NOT NULL,
  "provinsi_kode" TEXT NOT NULL,
  "kabupaten_kode" TEXT NOT NULL,
  "tahun" INTEGER NOT NULL,
  "kode" TEXT NOT NULL,
  "indikator_kode" TEXT NOT NULL,
  "b1" BIGINT NOT NULL DEFAULT 0, "b2" BIGINT NOT NULL DEFAULT 0, "b3" BIGINT NOT NULL DEFAULT 0, "b4" BIGINT NOT NULL DEFAULT 0, "b5" BIGINT NOT NULL DEFAULT 0, "b6" BIGINT NOT NULL DEFAULT 0, "b7" BIGINT NOT NULL DEFAULT 0, "b8" BIGINT NOT NULL DEFAULT 0, "b9" BIGINT NOT NULL DEFAULT 0, "b10" BIGINT NOT NULL DEFAULT 0, "b11" BIGINT NOT NULL DEFAULT 0, "b12" BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "rekap_nilai_pkey" PRIMARY KEY ("tingkat", "provinsi_kode", "kabupaten_kode", "tahun", "kode", "indikator_kode")
);
-- Rows are updated in place (only b1..b12 change, no indexed column) and the provinsi and kabupaten rows
-- are hot at month-end: keep room for HOT updates, which add no index entry. (A covering key, INCLUDE
-- b1..b12, for index-only reads was tried and dropped: it makes every update of those rows non-HOT.)
ALTER TABLE "rekap_nilai" SET (fillfactor = 90);

ALTER TABLE "rekap_antrean" ADD COLUMN "desa_kode" TEXT NOT NULL DEFAULT '';

-- One row per transaction that queued changes; its deferred trigger applies the queue at commit.
CREATE UNLOGGED TABLE "rekap_tanda" ("txid" BIGINT PRIMARY KEY);
ALTER TABLE "rekap_tanda" SET (autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000);
DROP TRIGGER rekap_terapkan ON "rekap_antrean";

-- Mark the current transaction as having queued changes (once; later calls do nothing).
CREATE FUNCTION rekap_tandai() RETURNS void LANGUAGE sql AS $$
  INSERT INTO rekap_tanda VALUES (txid_current()) ON CONFLICT DO NOTHING;
$$;

-- Queue the net change of one statement on nilai, per desa cell.
CREATE OR REPLACE FUNCTION rekap_nilai_catat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rekap_antrean (jenis, provinsi_kode, kabupaten_kode, puskesmas_kode, desa_kode, indikator_kode, tahun, bulan, a, b, c)
    SELECT 'nilai', provinsi_kode, kabupaten_kode, puskesmas_kode, desa_kode, indikator_kode, tahun, bulan, sum(nilai), 0, 0
    FROM baru WHERE dihitung GROUP BY 2, 3, 4, 5, 6, 7, 8 HAVING sum(nilai) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO rekap_antrean (jenis, provinsi_kode, kabupaten_kode, puskesmas_kode, desa_kode, indikator_kode, tahun, bulan, a, b, c)
    SELECT 'nilai', provinsi_kode, kabupaten_kode, puskesmas_kode, desa_kode, indikator_kode, tahun, bulan, -sum(nilai), 0, 0
    FROM lama WHERE dihitung GROUP BY 2, 3, 4, 5, 6, 7, 8 HAVING sum(nilai) <> 0;
  ELSE
    INSERT INTO rekap_antrean (jenis, provinsi_kode, kabupaten_kode, puskesmas_kode, desa_kode, indikator_kode, tahun, bulan, a, b, c)
    SELECT 'nilai', provinsi_kode, kabupaten_kode, puskesmas_kode, desa_kode, indikator_kode, tahun, bulan, sum(a), 0, 0
    FROM (SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, desa_kode, indikator_kode, tahun, bulan, nilai::bigint AS a FROM baru WHERE dihitung
          UNION ALL
          SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, desa_kode, indikator_kode, tahun, bulan, -nilai::bigint FROM lama WHERE dihitung) d
    GROUP BY 2, 3, 4, 5, 6, 7, 8 HAVING sum(a) <> 0;
  END IF;
  PERFORM rekap_tandai();
  RETURN NULL;
END $$;

-- The sasaran and laporan statement triggers as before, plus the mark.
CREATE OR REPLACE FUNCTION rekap_sasaran_catat() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM rekap_tandai();
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rekap_laporan_catat() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM rekap_tandai();
  RETURN NULL;
END $$;

-- Apply (and empty) the transaction's queue: one upsert per rekap table, rows in key order.
CREATE OR REPLACE FUNCTION rekap_terapkan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rekap_tanda WHERE txid = NEW.txid;
  WITH d AS (DELETE FROM rekap_antrean WHERE jenis = 'nilai' RETURNING *)
  INSERT INTO rekap_nilai AS r (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, indikator_kode, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12)
  SELECT u.tingkat, d.provinsi_kode, u.kab, d.tahun, u.kode, d.indikator_kode, coalesce(sum(d.a) FILTER (WHERE d.bulan = 1), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 2), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 3), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 4), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 5), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 6), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 7), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 8), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 9), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 10), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 11), 0), coalesce(sum(d.a) FILTER (WHERE d.bulan = 12), 0)
  FROM d CROSS JOIN LATERAL (VALUES ('provinsi', '', d.provinsi_kode), ('kabupaten', d.kabupaten_kode, d.kabupaten_kode),
                                    ('puskesmas', d.kabupaten_kode, d.puskesmas_kode), ('desa', d.kabupaten_kode, d.desa_kode)) u (tingkat, kab, kode)
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, indikator_kode)
  DO UPDATE SET b1 = r.b1 + EXCLUDED.b1, b2 = r.b2 + EXCLUDED.b2, b3 = r.b3 + EXCLUDED.b3, b4 = r.b4 + EXCLUDED.b4, b5 = r.b5 + EXCLUDED.b5, b6 = r.b6 + EXCLUDED.b6, b7 = r.b7 + EXCLUDED.b7, b8 = r.b8 + EXCLUDED.b8, b9 = r.b9 + EXCLUDED.b9, b10 = r.b10 + EXCLUDED.b10, b11 = r.b11 + EXCLUDED.b11, b12 = r.b12 + EXCLUDED.b12;

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

CREATE CONSTRAINT TRIGGER rekap_terapkan AFTER INSERT ON "rekap_tanda" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION rekap_terapkan();

-- The nilai rollup from scratch (a per-desa-year pass over nilai, then the four levels).
CREATE FUNCTION rekap_nilai_bangun_ulang() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE rekap_nilai;
  CREATE TEMP TABLE rekap_sel ON COMMIT DROP AS
    SELECT provinsi_kode, kabupaten_kode, puskesmas_kode, desa_kode, indikator_kode, tahun, sum(nilai) FILTER (WHERE bulan = 1)::bigint AS b1, sum(nilai) FILTER (WHERE bulan = 2)::bigint AS b2, sum(nilai) FILTER (WHERE bulan = 3)::bigint AS b3, sum(nilai) FILTER (WHERE bulan = 4)::bigint AS b4, sum(nilai) FILTER (WHERE bulan = 5)::bigint AS b5, sum(nilai) FILTER (WHERE bulan = 6)::bigint AS b6, sum(nilai) FILTER (WHERE bulan = 7)::bigint AS b7, sum(nilai) FILTER (WHERE bulan = 8)::bigint AS b8, sum(nilai) FILTER (WHERE bulan = 9)::bigint AS b9, sum(nilai) FILTER (WHERE bulan = 10)::bigint AS b10, sum(nilai) FILTER (WHERE bulan = 11)::bigint AS b11, sum(nilai) FILTER (WHERE bulan = 12)::bigint AS b12
    FROM nilai WHERE dihitung GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO rekap_nilai (tingkat, provinsi_kode, kabupaten_kode, tahun, kode, indikator_kode, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12)
  SELECT u.tingkat, d.provinsi_kode, u.kab, d.tahun, u.kode, d.indikator_kode, coalesce(sum(d.b1), 0), coalesce(sum(d.b2), 0), coalesce(sum(d.b3), 0), coalesce(sum(d.b4), 0), coalesce(sum(d.b5), 0), coalesce(sum(d.b6), 0), coalesce(sum(d.b7), 0), coalesce(sum(d.b8), 0), coalesce(sum(d.b9), 0), coalesce(sum(d.b10), 0), coalesce(sum(d.b11), 0), coalesce(sum(d.b12), 0)
  FROM rekap_sel d CROSS JOIN LATERAL (VALUES ('provinsi', '', d.provinsi_kode), ('kabupaten', d.kabupaten_kode, d.kabupaten_kode),
                                    ('puskesmas', d.kabupaten_kode, d.puskesmas_kode), ('desa', d.kabupaten_kode, d.desa_kode)) u (tingkat, kab, kode)
  GROUP BY 1, 2, 3, 4, 5, 6;
  DROP TABLE rekap_sel;
END $$;

-- Recompute every rollup from the base tables (bulk loads run with the triggers disabled, then call this).
CREATE OR REPLACE FUNCTION rekap_bangun_ulang() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rekap_antrean;
  DELETE FROM rekap_tanda;
  TRUNCATE rekap_sasaran, rekap_laporan;
  PERFORM rekap_nilai_bangun_ulang();
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

-- Existing data.
SELECT rekap_nilai_bangun_ulang();
