import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { getDesaProfile, getWilayah, listChildren } from "@/lib/data/wilayah";
import { ADMIN, ANYAR, BANTEN, BAROS, LEBONG, SERANG } from "./helpers";

const ANYAR_DESA = "36.04.30.2001";
const BAROS_DESA = "36.04.22.2001";

describe("data layer scope", () => {
  it("admin reaches the nation and any desa", async () => {
    expect((await getWilayah(ADMIN, "")).tingkat).toBe("nasional");
    expect((await getWilayah(ADMIN, "81.02")).nama).toBe("Kabupaten Maluku Tenggara");
    expect((await listChildren(ADMIN, await getWilayah(ADMIN, ""))).lain).toHaveLength(38);
  });

  it("dinkes provinsi sees its provinsi and below, not the nation nor another provinsi", async () => {
    expect((await getWilayah(BANTEN, "36")).nama).toBe("Banten");
    expect((await getWilayah(BANTEN, BAROS_DESA)).tingkat).toBe("desa");
    await expect(getWilayah(BANTEN, "")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWilayah(BANTEN, "17")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWilayah(BANTEN, "17.07")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("dinkes kabupaten sees its kabupaten, its puskesmas and desa, not its provinsi or a neighbour", async () => {
    expect((await getWilayah(SERANG, "36.04")).tingkat).toBe("kabupaten");
    expect((await getWilayah(SERANG, "P36043001")).nama).toBe("Puskesmas Anyar");
    await expect(getWilayah(SERANG, "36")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWilayah(SERANG, "36.01")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWilayah(LEBONG, ANYAR_DESA)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a puskesmas user sees its own puskesmas and desa, never another puskesmas's desa", async () => {
    expect((await getWilayah(ANYAR, "P36043001")).tingkat).toBe("puskesmas");
    const profile = await getDesaProfile(ANYAR, ANYAR_DESA, 2025);
    expect(profile.pustu?.kode).toBe("PU3604302001");
    expect(profile.posyandu.length).toBeGreaterThanOrEqual(2);
    await expect(getDesaProfile(ANYAR, BAROS_DESA, 2025)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the desa profile shows the population of the dashboard's year, not the latest", async () => {
    const y2025 = await getDesaProfile(ANYAR, ANYAR_DESA, 2025);
    const y2026 = await getDesaProfile(ANYAR, ANYAR_DESA, 2026);
    expect(y2025.penduduk.length).toBeGreaterThan(0);
    expect(y2025.penduduk.every((p) => p.tahun === 2025)).toBe(true);
    expect(y2026.penduduk.every((p) => p.tahun === 2026)).toBe(true);
    const total = (rows: { jumlah: number }[]) => rows.reduce((s, r) => s + r.jumlah, 0);
    expect(total(y2026.penduduk)).not.toBe(total(y2025.penduduk));
    const none = await getDesaProfile(ANYAR, ANYAR_DESA, 2019);
    expect(none).toMatchObject({ tahun: 2019, penduduk: [] });
    await expect(getWilayah(ANYAR, "P36042201")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWilayah(BAROS, ANYAR_DESA)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWilayah(ANYAR, "36.04")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getWilayah(ANYAR, "36.04.30")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lists only children inside the scope", async () => {
    const pkm = await listChildren(ANYAR, await getWilayah(ANYAR, "P36043001"));
    expect(pkm.lain.length).toBeGreaterThan(0);
    expect(pkm.lain.every((d) => d.kode.startsWith("36.04.30."))).toBe(true);
  });

  it("answers not found for unknown or malformed codes", async () => {
    await expect(getWilayah(ADMIN, "99")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getWilayah(ADMIN, "36.04.30.9999")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getWilayah(ADMIN, "'; DROP TABLE desa; --")).rejects.toBeInstanceOf(NotFoundError);
  });
});
