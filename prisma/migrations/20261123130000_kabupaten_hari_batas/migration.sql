-- Deadline day of monthly reports, configurable per kabupaten (issue 5 §7).
ALTER TABLE "kabupaten" ADD COLUMN "hari_batas" SMALLINT NOT NULL DEFAULT 10;
ALTER TABLE "kabupaten" ADD CONSTRAINT "kabupaten_hari_batas_check" CHECK ("hari_batas" BETWEEN 1 AND 31);
