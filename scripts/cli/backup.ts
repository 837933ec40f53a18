import { backupDatabase, defaultBackupFile, restoreDatabase } from "@/lib/db/backup";
import { openDatabase } from "../lib/database";
import type { Command } from "./commands";

// `backup [FILE]` and `restore FILE` (also `npm run db:backup` / `npm run db:restore`).

const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const backupCommand: Command = {
  summary: "cadangkan basis data ke satu berkas (pg_dump -Fc)",
  help: `npm run db:backup [BERKAS]      (= npm run cli -- backup [BERKAS])

Menyalin seluruh basis data yang dipakai (DATABASE_URL, atau PostgreSQL tertanam di PANTAU_DATA_DIR) ke
BERKAS dalam format custom pg_dump; bawaan backups/pantau-YYYYMMDD-HHMMSS.dump. Aplikasi boleh tetap
berjalan: pg_dump membaca satu snapshot yang konsisten. Perlu pg_dump dari paket Debian
postgresql-client-15 (atau PANTAU_PG_BIN).`,
  async run(args) {
    if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
      console.error("Pemakaian: npm run db:backup [BERKAS]");
      return 2;
    }
    const file = args[0] ?? defaultBackupFile();
    const started = Date.now();
    const server = await openDatabase({ command: true });
    try {
      const r = await backupDatabase(server.url, file);
      console.log(`Cadangan tersimpan: ${r.file} (${size(r.bytes)}, ${((Date.now() - started) / 1000).toFixed(1)} dtk).`);
      return 0;
    } finally {
      await server.stop();
    }
  },
};

export const restoreCommand: Command = {
  summary: "pulihkan basis data dari berkas cadangan (pg_restore --clean)",
  help: `npm run db:restore BERKAS      (= npm run cli -- restore BERKAS)

Mengganti seluruh isi basis data yang dipakai dengan isi BERKAS (dibuat oleh db:backup), dalam satu
transaksi: bila berkas rusak atau gagal di tengah jalan, tidak ada yang berubah. Data yang dimasukkan
sesudah cadangan dibuat akan hilang. Perlu pg_restore dari paket Debian postgresql-client-15.`,
  async run(args) {
    if (args.length !== 1 || args[0].startsWith("-")) {
      console.error("Pemakaian: npm run db:restore BERKAS");
      return 2;
    }
    const started = Date.now();
    const server = await openDatabase({ command: true });
    try {
      await restoreDatabase(server.url, args[0]);
      console.log(`Basis data dipulihkan dari ${args[0]} (${((Date.now() - started) / 1000).toFixed(1)} dtk).`);
      return 0;
    } finally {
      await server.stop();
    }
  },
};
