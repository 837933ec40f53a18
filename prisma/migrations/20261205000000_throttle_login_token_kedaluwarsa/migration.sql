-- Login throttling per account and per address (lib/auth/throttle.ts) replaces the per-account lock.
CREATE TABLE "login_gagal" (
    "kunci" TEXT NOT NULL,
    "jumlah" INTEGER NOT NULL,
    "terakhir" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "login_gagal_pkey" PRIMARY KEY ("kunci")
);

CREATE INDEX "login_gagal_terakhir_idx" ON "login_gagal"("terakhir");

ALTER TABLE "app_user" DROP COLUMN "gagal_login",
DROP COLUMN "terkunci_sampai";

-- API tokens expire; tokens made before this migration get 90 days from now.
ALTER TABLE "api_token" ADD COLUMN "expires_at" TIMESTAMP(3);
UPDATE "api_token" SET "expires_at" = (now() AT TIME ZONE 'UTC') + interval '90 days';
ALTER TABLE "api_token" ALTER COLUMN "expires_at" SET NOT NULL;
