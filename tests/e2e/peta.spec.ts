import { expect, test, type Page } from "@playwright/test";
import { login as loginForm } from "./helpers";

// The capaian map (components/dashboard/peta-capaian.tsx): drawn on the server, each unit a link filled with
// the class colour its heatmap cell has, for the indicator of `?indikator=`.

const PERIODE = "tahun=2025&bulan=12";
const MAP = 'svg[role="graphics-document"][aria-label^="Peta capaian"]';

async function login(page: Page, email: string) {
  await loginForm(page, email);
  await expect(page).not.toHaveURL(/\/login/);
}

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

  // The unit is a focusable link named by its <title>; a click on a point of its area opens its dashboard.
  const anyar = map.locator('a[data-kode="36.04.30"]');
  await expect(anyar.locator("title")).toHaveText(/^Anyar: capaian \d+(,\d+)? % \((di bawah target|sesuai target|melebihi sasaran — periksa sasaran|belum ada data|tidak ada sasaran)\)$/);
  await anyar.focus();
  await expect(anyar).toBeFocused();
  await anyar.locator("path").scrollIntoViewIfNeeded();
  const point = await anyar.locator("path").evaluate((p: SVGPathElement) => {
    // A screen point inside the area that the area itself receives (not a neighbour drawn over it).
    const box = p.getBoundingClientRect();
    const m = p.getScreenCTM()!.inverse();
    for (let i = 1; i < 40; i++) for (let j = 1; j < 40; j++) {
      const x = box.left + (box.width * i) / 40, y = box.top + (box.height * j) / 40;
      const local = new DOMPoint(x, y).matrixTransform(m);
      if (p.isPointInFill(local) && document.elementFromPoint(x, y) === p) return { x, y };
    }
    return null;
  });
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await expect(page).toHaveURL(/\/wilayah\/36\.04\.30\?tahun=2025&bulan=12&indikator=SPM-02$/);
  await page.waitForLoadState("load"); // the whole streamed page, not only the map's first paths
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
  await page.waitForLoadState("load");
  await expect(page.locator(MAP)).toHaveAttribute("data-level", "desa");
  await expect(page.locator(`${MAP} a[data-kode]`)).toHaveCount(326);

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
  // The table's links keep the chosen indicator too.
  await expect(page.locator(`table.heatmap a[href="/wilayah/36?${PERIODE}&indikator=SPM-05"]`)).toHaveCount(1);

  // A count indicator has no sasaran, hence no capaian to map: the first indicator with one is drawn.
  await page.goto(`/wilayah?${PERIODE}&indikator=KIA-KMI`);
  await expect(map).toHaveAttribute("aria-label", /^Peta capaian SPM-01 /);
});
