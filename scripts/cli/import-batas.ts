import fs from "node:fs";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { importBatas } from "@/lib/data/import-batas";
import { closePool } from "@/lib/db/pool";
import { BATAS } from "@/lib/i18n/batas";
import { IMPORT_CLI } from "@/lib/i18n/import";
import { CLI_LIMITS } from "@/lib/import/limits";
import { openDatabase } from "../lib/database";
import type { Command } from "./commands";

// `import-batas FILE`: desa boundaries for the maps (lib/data/import-batas.ts). Exit codes: 0 imported (or
// nothing changed), 1 rejected (every error printed, nothing written), 2 bad usage or unreadable file.
export const importBatasCommand: Command = {
  summary: BATAS.summary,
  help: BATAS.help,
  async run(args) {
    if (args.length !== 1 || args[0].startsWith("-")) {
      console.error(BATAS.pemakaian);
      return 2;
    }
    const file = args[0];
    let text: string;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) {
        console.error(IMPORT_CLI.bukanBerkas(file));
        return 2;
      }
      if (stat.size > CLI_LIMITS.maxBytes) {
        console.error(IMPORT_CLI.terlaluBesar(file, CLI_LIMITS.maxBytes));
        return 2;
      }
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      console.error((error as NodeJS.ErrnoException).code === "ENOENT" ? IMPORT_CLI.berkasTidakAda(file) : IMPORT_CLI.tidakTerbaca(file)); // fs errors carry a code
      return 2;
    }
    const server = await openDatabase({ command: true });
    // lib/data resolves its database through pool(): point it at the server opened here.
    process.env.DATABASE_URL = server.url;
    try {
      const r = await importBatas(CLI_ACTOR, text);
      if (r.errors.length > 0) {
        for (const e of r.errors) console.error(e);
        console.error(BATAS.ditolak(r.errors.length));
        return 1;
      }
      console.log(BATAS.selesai(r.jumlah, r.berubah));
      return 0;
    } finally {
      await closePool();
      await server.stop();
    }
  },
};
