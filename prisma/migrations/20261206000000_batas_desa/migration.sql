-- Desa boundaries imported with `npm run cli -- import-batas FILE` (lib/data/import-batas.ts).
CREATE TABLE "batas_desa" (
    "desa_kode" TEXT NOT NULL,
    "kabupaten_kode" TEXT NOT NULL,
    "geometri" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "batas_desa_pkey" PRIMARY KEY ("desa_kode")
);

CREATE INDEX "batas_desa_kabupaten_kode_idx" ON "batas_desa"("kabupaten_kode");

ALTER TABLE "batas_desa" ADD CONSTRAINT "batas_desa_desa_kode_fkey" FOREIGN KEY ("desa_kode") REFERENCES "desa"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;
