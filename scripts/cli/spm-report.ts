import { parseArgs } from "node:util";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { closePool } from "@/lib/db/pool";
import { spmReport } from "@/lib/data/spm-report";
import { spmReportCsv } from "@/lib/report/spm-report";
import { spmQuery } from "@/lib/schemas/periode";
import { openDatabase } from "../lib/database";
import type { Command } from "./commands";

export const spmReportCommand: Command = {
  summary: "laporan capaian SPM sebuah wilayah (json atau csv)",
  help: `npm run cli -- spm-report --wilayah KODE --tahun Y --bulan M [--format json|csv]

KODE: provinsi (36), kabupaten (36.04), kecamatan (36.04.30), desa (36.04.30.2001) atau puskesmas
(P36043001); --wilayah kosong atau tidak diisi = nasional. Bentuk JSON dan CSV sama dengan
GET /api/v1/spm (DOMAIN.md bagian 8).`,
  async run(args) {
    let values;
    try {
      values = parseArgs({
        args,
        options: { wilayah: { type: "string", default: "" }, tahun: { type: "string" }, bulan: { type: "string" }, format: { type: "string", default: "json" } },
      }).values;
    } catch (error) {
      console.error(`Argumen tidak sah: ${(error as Error).message}`);
      return 2;
    }
    const parsed = spmQuery.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
      return 2;
    }
    if (values.format !== "json" && values.format !== "csv") {
      console.error("--format harus json atau csv.");
      return 2;
    }
    const server = await openDatabase({ command: true });
    process.env.DATABASE_URL = server.url;
    try {
      const { wilayah, tahun, bulan } = parsed.data;
      const report = await spmReport(CLI_ACTOR, wilayah, tahun, bulan);
      process.stdout.write(values.format === "csv" ? spmReportCsv([report]) : JSON.stringify(report, null, 2) + "\n");
      return 0;
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError) {
        console.error(`Wilayah tidak ditemukan: ${parsed.data.wilayah}`);
        return 3;
      }
      throw error;
    } finally {
      await closePool();
      await server.stop();
    }
  },
};
