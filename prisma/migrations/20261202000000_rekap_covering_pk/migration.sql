-- National scale (issue 8): the rollups' primary keys carry the sums (INCLUDE), so a dashboard's rollup read
-- is an index-only scan of adjacent index pages instead of one heap page per row (a kabupaten's puskesmas
-- rows for a year were 9,239 rows on 9,337 heap pages: 20 ms; index-only: about 4 ms). Rollup rows are
-- written in the order reports arrive, so the heap has no useful order; the index has.
-- A sum in the key's INCLUDE list makes its updates non-HOT, so the fillfactor kept free for HOT updates
-- goes back to the default.

ALTER TABLE "rekap_nilai" DROP CONSTRAINT "rekap_nilai_pkey";
ALTER TABLE "rekap_nilai" ADD CONSTRAINT "rekap_nilai_pkey"
  PRIMARY KEY ("tingkat", "provinsi_kode", "kabupaten_kode", "tahun", "kode", "bulan", "indikator_kode") INCLUDE ("jumlah");
ALTER TABLE "rekap_sasaran" DROP CONSTRAINT "rekap_sasaran_pkey";
ALTER TABLE "rekap_sasaran" ADD CONSTRAINT "rekap_sasaran_pkey"
  PRIMARY KEY ("tingkat", "provinsi_kode", "kabupaten_kode", "tahun", "kode", "indikator_kode") INCLUDE ("jumlah", "baris", "ditetapkan");
ALTER TABLE "rekap_laporan" DROP CONSTRAINT "rekap_laporan_pkey";
ALTER TABLE "rekap_laporan" ADD CONSTRAINT "rekap_laporan_pkey"
  PRIMARY KEY ("tingkat", "provinsi_kode", "kabupaten_kode", "tahun", "kode", "bulan") INCLUDE ("dikirim", "tepat");
ALTER TABLE "rekap_nilai" RESET (fillfactor);
ALTER TABLE "rekap_sasaran" RESET (fillfactor);
ALTER TABLE "rekap_laporan" RESET (fillfactor);
