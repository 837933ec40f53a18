import { initDatabase } from "@/lib/db/init";
import { openDatabase } from "../lib/database";
import type { Command } from "./commands";

export const init: Command = {
  summary: "migrasi dan muat pohon wilayah nasional, puskesmas dan pustu bawaan",
  help: `npm run cli -- init

Menerapkan migrasi, memuat katalog indikator dan seluruh pohon wilayah dari idn-area-data
(provinsi, kabupaten/kota, kecamatan, desa/kelurahan), satu puskesmas per kecamatan dan satu pustu
per desa. Tanpa data demo. Aman dijalankan ulang: baris yang sudah ada dibiarkan.`,
  async run(args) {
    if (args.length > 0) {
      console.error(`Opsi tidak dikenal: ${args.join(" ")}`);
      return 2;
    }
    const started = Date.now();
    const server = await openDatabase({ command: true });
    try {
      const r = await initDatabase(server.url);
      const w = r.wilayah;
      console.log(
        `Selesai dalam ${((Date.now() - started) / 1000).toFixed(1)} dtk: ${r.migrations.length} migrasi baru, ` +
          `${r.indikator} indikator, ${w.provinsi} provinsi, ${w.kabupaten} kabupaten/kota, ${w.kecamatan} kecamatan, ${w.desa} desa/kelurahan.`,
      );
      return 0;
    } finally {
      await server.stop();
    }
  },
};
