-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'DINKES_PROVINSI', 'DINKES_KABUPATEN', 'PUSKESMAS');

-- CreateEnum
CREATE TYPE "StatusLaporan" AS ENUM ('DRAFT', 'DIKIRIM', 'DIVERIFIKASI', 'DIKEMBALIKAN');

-- CreateEnum
CREATE TYPE "SumberSasaran" AS ENUM ('DITETAPKAN', 'ESTIMASI');

-- CreateTable
CREATE TABLE "provinsi" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,

    CONSTRAINT "provinsi_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "kabupaten" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "provinsi_kode" TEXT NOT NULL,

    CONSTRAINT "kabupaten_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "kecamatan" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "kabupaten_kode" TEXT NOT NULL,
    "provinsi_kode" TEXT NOT NULL,

    CONSTRAINT "kecamatan_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "puskesmas" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "kabupaten_kode" TEXT NOT NULL,
    "provinsi_kode" TEXT NOT NULL,
    "kecamatan_kode" TEXT NOT NULL,

    CONSTRAINT "puskesmas_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "desa" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "kecamatan_kode" TEXT NOT NULL,
    "kabupaten_kode" TEXT NOT NULL,
    "provinsi_kode" TEXT NOT NULL,
    "puskesmas_kode" TEXT NOT NULL,

    CONSTRAINT "desa_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "pustu" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "desa_kode" TEXT NOT NULL,
    "puskesmas_kode" TEXT NOT NULL,

    CONSTRAINT "pustu_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "posyandu" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "desa_kode" TEXT NOT NULL,

    CONSTRAINT "posyandu_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "klaster" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,

    CONSTRAINT "klaster_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "indikator" (
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "klaster_kode" TEXT NOT NULL,
    "jenis" TEXT NOT NULL,
    "basis" TEXT,
    "target" DECIMAL(6,2) NOT NULL,
    "arah" TEXT NOT NULL,
    "spm" BOOLEAN NOT NULL,
    "urutan" INTEGER NOT NULL,

    CONSTRAINT "indikator_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "penduduk" (
    "desa_kode" TEXT NOT NULL,
    "tahun" INTEGER NOT NULL,
    "kelompok" TEXT NOT NULL,
    "jumlah" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "penduduk_pkey" PRIMARY KEY ("desa_kode","tahun","kelompok")
);

-- CreateTable
CREATE TABLE "parameter_estimasi" (
    "tahun" INTEGER NOT NULL,
    "kabupaten_kode" TEXT NOT NULL DEFAULT '',
    "nilai" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "parameter_estimasi_pkey" PRIMARY KEY ("tahun","kabupaten_kode")
);

-- CreateTable
CREATE TABLE "sasaran" (
    "desa_kode" TEXT NOT NULL,
    "indikator_kode" TEXT NOT NULL,
    "tahun" INTEGER NOT NULL,
    "jumlah" INTEGER NOT NULL,
    "sumber" "SumberSasaran" NOT NULL,
    "puskesmas_kode" TEXT NOT NULL,
    "kecamatan_kode" TEXT NOT NULL,
    "kabupaten_kode" TEXT NOT NULL,
    "provinsi_kode" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "sasaran_pkey" PRIMARY KEY ("desa_kode","indikator_kode","tahun")
);

-- CreateTable
CREATE TABLE "laporan" (
    "id" UUID NOT NULL,
    "desa_kode" TEXT NOT NULL,
    "tahun" INTEGER NOT NULL,
    "bulan" INTEGER NOT NULL,
    "status" "StatusLaporan" NOT NULL DEFAULT 'DRAFT',
    "versi" INTEGER NOT NULL DEFAULT 1,
    "alasan" TEXT,
    "puskesmas_kode" TEXT NOT NULL,
    "kecamatan_kode" TEXT NOT NULL,
    "kabupaten_kode" TEXT NOT NULL,
    "provinsi_kode" TEXT NOT NULL,
    "dikirim_at" TIMESTAMP(3),
    "terlambat" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "laporan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nilai" (
    "laporan_id" UUID NOT NULL,
    "indikator_kode" TEXT NOT NULL,
    "nilai" INTEGER NOT NULL,
    "peringatan" TEXT,
    "desa_kode" TEXT NOT NULL,
    "puskesmas_kode" TEXT NOT NULL,
    "kecamatan_kode" TEXT NOT NULL,
    "kabupaten_kode" TEXT NOT NULL,
    "provinsi_kode" TEXT NOT NULL,
    "tahun" INTEGER NOT NULL,
    "bulan" INTEGER NOT NULL,
    "dihitung" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "nilai_pkey" PRIMARY KEY ("laporan_id","indikator_kode")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "provinsi_kode" TEXT,
    "kabupaten_kode" TEXT,
    "puskesmas_kode" TEXT,
    "gagal_login" INTEGER NOT NULL DEFAULT 0,
    "terkunci_sampai" TIMESTAMP(3),
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "sesi_versi" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" TEXT,
    "user_email" TEXT,
    "aksi" TEXT NOT NULL,
    "entitas" TEXT NOT NULL,
    "kunci" TEXT NOT NULL,
    "lama" JSONB,
    "baru" JSONB,
    "sumber" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "nama" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "kabupaten_provinsi_kode_idx" ON "kabupaten"("provinsi_kode");

-- CreateIndex
CREATE INDEX "kecamatan_kabupaten_kode_idx" ON "kecamatan"("kabupaten_kode");

-- CreateIndex
CREATE INDEX "puskesmas_kabupaten_kode_idx" ON "puskesmas"("kabupaten_kode");

-- CreateIndex
CREATE INDEX "desa_kecamatan_kode_idx" ON "desa"("kecamatan_kode");

-- CreateIndex
CREATE INDEX "desa_kabupaten_kode_idx" ON "desa"("kabupaten_kode");

-- CreateIndex
CREATE INDEX "desa_provinsi_kode_idx" ON "desa"("provinsi_kode");

-- CreateIndex
CREATE INDEX "desa_puskesmas_kode_idx" ON "desa"("puskesmas_kode");

-- CreateIndex
CREATE UNIQUE INDEX "pustu_desa_kode_key" ON "pustu"("desa_kode");

-- CreateIndex
CREATE INDEX "pustu_puskesmas_kode_idx" ON "pustu"("puskesmas_kode");

-- CreateIndex
CREATE INDEX "posyandu_desa_kode_idx" ON "posyandu"("desa_kode");

-- CreateIndex
CREATE INDEX "sasaran_tahun_indikator_kode_puskesmas_kode_idx" ON "sasaran"("tahun", "indikator_kode", "puskesmas_kode");

-- CreateIndex
CREATE INDEX "sasaran_tahun_indikator_kode_kecamatan_kode_idx" ON "sasaran"("tahun", "indikator_kode", "kecamatan_kode");

-- CreateIndex
CREATE INDEX "sasaran_tahun_indikator_kode_kabupaten_kode_idx" ON "sasaran"("tahun", "indikator_kode", "kabupaten_kode");

-- CreateIndex
CREATE INDEX "sasaran_tahun_indikator_kode_provinsi_kode_idx" ON "sasaran"("tahun", "indikator_kode", "provinsi_kode");

-- CreateIndex
CREATE INDEX "laporan_tahun_bulan_puskesmas_kode_idx" ON "laporan"("tahun", "bulan", "puskesmas_kode");

-- CreateIndex
CREATE INDEX "laporan_tahun_bulan_kabupaten_kode_idx" ON "laporan"("tahun", "bulan", "kabupaten_kode");

-- CreateIndex
CREATE INDEX "laporan_tahun_bulan_provinsi_kode_idx" ON "laporan"("tahun", "bulan", "provinsi_kode");

-- CreateIndex
CREATE UNIQUE INDEX "laporan_desa_kode_tahun_bulan_key" ON "laporan"("desa_kode", "tahun", "bulan");

-- CreateIndex
CREATE INDEX "nilai_tahun_indikator_kode_desa_kode_idx" ON "nilai"("tahun", "indikator_kode", "desa_kode");

-- CreateIndex
CREATE INDEX "nilai_tahun_indikator_kode_puskesmas_kode_idx" ON "nilai"("tahun", "indikator_kode", "puskesmas_kode");

-- CreateIndex
CREATE INDEX "nilai_tahun_indikator_kode_kecamatan_kode_idx" ON "nilai"("tahun", "indikator_kode", "kecamatan_kode");

-- CreateIndex
CREATE INDEX "nilai_tahun_indikator_kode_kabupaten_kode_idx" ON "nilai"("tahun", "indikator_kode", "kabupaten_kode");

-- CreateIndex
CREATE INDEX "nilai_tahun_indikator_kode_provinsi_kode_idx" ON "nilai"("tahun", "indikator_kode", "provinsi_kode");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "audit_log_entitas_kunci_idx" ON "audit_log"("entitas", "kunci");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_hash_key" ON "api_token"("hash");

-- AddForeignKey
ALTER TABLE "kabupaten" ADD CONSTRAINT "kabupaten_provinsi_kode_fkey" FOREIGN KEY ("provinsi_kode") REFERENCES "provinsi"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kecamatan" ADD CONSTRAINT "kecamatan_kabupaten_kode_fkey" FOREIGN KEY ("kabupaten_kode") REFERENCES "kabupaten"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "puskesmas" ADD CONSTRAINT "puskesmas_kabupaten_kode_fkey" FOREIGN KEY ("kabupaten_kode") REFERENCES "kabupaten"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa" ADD CONSTRAINT "desa_kecamatan_kode_fkey" FOREIGN KEY ("kecamatan_kode") REFERENCES "kecamatan"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "desa" ADD CONSTRAINT "desa_puskesmas_kode_fkey" FOREIGN KEY ("puskesmas_kode") REFERENCES "puskesmas"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pustu" ADD CONSTRAINT "pustu_desa_kode_fkey" FOREIGN KEY ("desa_kode") REFERENCES "desa"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pustu" ADD CONSTRAINT "pustu_puskesmas_kode_fkey" FOREIGN KEY ("puskesmas_kode") REFERENCES "puskesmas"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posyandu" ADD CONSTRAINT "posyandu_desa_kode_fkey" FOREIGN KEY ("desa_kode") REFERENCES "desa"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indikator" ADD CONSTRAINT "indikator_klaster_kode_fkey" FOREIGN KEY ("klaster_kode") REFERENCES "klaster"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "penduduk" ADD CONSTRAINT "penduduk_desa_kode_fkey" FOREIGN KEY ("desa_kode") REFERENCES "desa"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nilai" ADD CONSTRAINT "nilai_laporan_id_fkey" FOREIGN KEY ("laporan_id") REFERENCES "laporan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

