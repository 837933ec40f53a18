import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

// The capaian map (components/dashboard/peta-capaian.tsx): drawn on the server, each unit a link filled with
// the class colour its heatmap cell has, for the indicator of `?indikator=`.

const PERIODE = "tahun=2025&bulan=12";
const MAP = 'svg[role="img"][aria-label^="Peta capaian"]';

/** Per map unit: its code, the path's class and computed fill. */
async function mapUnits(page: Page) {
  return page.locator(`${MAP} a[data-kode]`).evaluateAll((links) =>
    links.map((a) => {
      const p = a.querySelector("path")!;
      return { kode: a.getAttribute("data-kode")!, href: a.getAttribute("href")!, cls: p.getAttribute("class")!, fill: getComputedStyle(p).fill, title: a.querySelector("title")!.textContent! };
    }),
  );
}

/** The heatmap cell of the row linking to `href` in the column of `spm` (e.g. "SPM-02"): class and colour. */
async function heatmapCell(page: Page, hrefPrefix: string, spm: string) {
  const col = Number(spm.replace("SPM-", "")) - 1;
  const row = page.locator("table.heatmap tbody tr").filter({ has: page.locator(`a[href^="${hrefPrefix}?"]`) });
  await expect(row).toHaveCount(1);
  return row.locator("td").nth(col).evaluate((td) => ({ cls: td.getAttribute("class")!, fill: getComputedStyle(td).backgroundColor }));
}

test("Serang map: click a kecamatan, land on its dashboard; every area has its heatmap class and colour", async ({ page }) => {
  await login(page, "dinkes.serang@pantau.id");
  await page.goto(`/wilayah/36.04?${PERIODE}&indikator=SPM-02`);
  const map = page.locator(MAP);
  await expect(map).toHaveAttribute("aria-label", /^Peta capaian SPM-02 .* per kecamatan, Kabupaten Serang, Desember 2025$/);
  await expect(map).toHaveAttribute("data-level", "kecamatan");
  const kecamatan = await mapUnits(page);
  expect(kecamatan.length).toBe(29);
  // The kabupaten heatmap lists puskesmas; the demo has one per kecamatan (P + kecamatan digits + 01), whose
  // desa are the kecamatan's: its class and colour must be the kecamatan's.
  for (const u of kecamatan) {
    const cell = await heatmapCell(page, `/puskesmas/P${u.kode.replace(/\./g, "")}01`, "SPM-02");
    expect({ kode: u.kode, cls: u.cls, fill: u.fill }).toEqual({ kode: u.kode, cls: cell.cls, fill: cell.fill });
  }
  expect(new Set(kecamatan.map((u) => u.cls)).size).toBeGreaterThan(1); // a map of one colour would prove little

  // Keyboard: the unit is a focusable link; Enter opens its dashboard, the indicator kept.
  const anyar = map.locator('a[data-kode="36.04.30"]');
  await expect(anyar.locator("title")).toHaveText(/^Anyar: capaian \d+(,\d)? % \(/);
  await anyar.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/wilayah\/36\.04\.30\?tahun=2025&bulan=12&indikator=SPM-02$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Anyar");

  await expect(map).toHaveAttribute("data-level", "desa");
  const desa = await mapUnits(page);
  const rows = await page.locator("table.heatmap tbody tr").count();
  expect(desa.length).toBe(rows);
  for (const u of desa) {
    const cell = await heatmapCell(page, `/wilayah/${u.kode}`, "SPM-02");
    expect({ kode: u.kode, cls: u.cls, fill: u.fill }).toEqual({ kode: u.kode, cls: cell.cls, fill: cell.fill });
    expect(u.href).toBe(`/wilayah/${u.kode}?${PERIODE}&indikator=SPM-02`);
  }
  await expect(page.getByTestId("peta-tanpa-batas")).toHaveCount(0);
});

test("Serang can be mapped per desa; a puskesmas map draws its own desa", async ({ page }) => {
  await login(page, "dinkes.serang@pantau.id");
  await page.goto(`/wilayah/36.04?${PERIODE}`);
  await page.getByTestId("peta-tingkat").getByRole("link", { name: "desa/kelurahan" }).click();
  await expect(page).toHaveURL(/peta=desa/);
  await expect(page.locator(MAP)).toHaveAttribute("data-level", "desa");
  expect(await page.locator(`${MAP} a[data-kode]`).count()).toBe(326);

  await page.goto(`/puskesmas/P36043001?${PERIODE}`);
  const own = await mapUnits(page);
  expect(own.length).toBeGreaterThan(0);
  expect(own.every((u) => u.kode.startsWith("36.04.30."))).toBe(true);
});

test("the national map links each provinsi, and follows ?indikator=", async ({ page }) => {
  await login(page, "admin@pantau.id");
  await page.goto(`/wilayah?${PERIODE}&indikator=SPM-05`);
  const map = page.locator(MAP);
  await expect(map).toHaveAttribute("aria-label", /^Peta capaian SPM-05 /);
  const units = await mapUnits(page);
  expect(units.length).toBe(38);
  const banten = units.find((u) => u.kode === "36")!;
  expect(banten.href).toBe(`/wilayah/36?${PERIODE}&indikator=SPM-05`);
  const cell = await heatmapCell(page, "/wilayah/36", "SPM-05");
  expect([banten.cls, banten.fill]).toEqual([cell.cls, cell.fill]);
});
