import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import { importSasaran } from "@/lib/data/import-sasaran";
import { getSasaran } from "@/lib/data/sasaran";
import { ADMIN, ANYAR, BAROS } from "./helpers";

describe("sasaran with its source", () => {
  it("returns the estimate from population, then an entered figure wins", async () => {
    const est = await getSasaran(ANYAR, "36.04.30.2006", "SPM-07", 2026);
    expect(est.sumber).toBe("ESTIMASI");
    expect(est.sasaran).toBeGreaterThan(0);
    const r = await importSasaran(ADMIN, "kode_desa,tahun,indikator,sasaran\n36.04.30.2006,2026,SPM-07,123\n");
    expect(r.ok).toBe(true);
    expect(await getSasaran(ANYAR, "36.04.30.2006", "SPM-07", 2026)).toEqual({ sasaran: 123, sumber: "DITETAPKAN" });
  });

  it("has none for an indicator without sasaran or a year without data; refuses outside scope", async () => {
    expect(await getSasaran(ANYAR, "36.04.30.2006", "SPM-07", 2031)).toEqual({ sasaran: null, sumber: null });
    await expect(getSasaran(BAROS, "36.04.30.2006", "SPM-07", 2026)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
