import { expect, test, type Browser, type Page } from "@playwright/test";
import { login } from "./helpers";
import { bulanLalu, desaTerbuka, layar, tekanSimpan, tungguSiapLuring } from "./offline-helpers";

// Issue 16: the report changed on the server while the phone had no signal. The outbox shows the indicators
// the phone changed beside the server's and the user chooses; nothing is overwritten silently, and an
// indicator the phone never touched keeps the other device's change. 360 px.
test.use({ viewport: { width: 360, height: 780 }, serviceWorkers: "allow" });
test.describe.configure({ mode: "serial" });

const { tahun, bulan } = bulanLalu();

/** Another device of the puskesmas saves these values online (the report's versi moves on). */
async function ubahDiServer(browser: Browser, desa: string, nilai: Record<string, number>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  for (const [kode, v] of Object.entries(nilai)) await page.locator(`#nilai-${kode}`).fill(String(v));
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  const pesan = page.getByTestId("pesan-form");
  await expect(pesan).toContainText(/terkirim|Ada peringatan/);
  if (/Ada peringatan/.test(await pesan.innerText())) {
    await page.getByLabel(/Saya sudah memeriksa/).check();
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await expect(pesan).toContainText(/terkirim/);
  }
  await context.close();
}

async function nilaiServer(page: Page, desa: string, kode = "SPM-02"): Promise<string> {
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  return page.locator(`#nilai-${kode}`).inputValue();
}

/** Without signal: SPM-02 = nilai saved on the phone (warnings confirmed). */
async function simpanDiPonsel(page: Page, desa: string, nilai: number) {
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await expect(page.getByTestId("banner-luring")).toBeVisible();
  await page.locator("#nilai-SPM-02").fill(String(nilai));
  await tekanSimpan(page, "Kirim laporan", "Tersimpan di ponsel ini, belum terkirim");
}

test("a conflict is shown side by side and resolved both ways: keep the phone's values, keep the server's", async ({ page, context, browser }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const bebas = await desaTerbuka(page, 4);
  const desa = bebas[3]; // the sync test uses the first two
  const awalTeks = await nilaiServer(page, desa);
  const awal = Number(awalTeks) || 0;
  const awal08 = Number(await nilaiServer(page, desa, "SPM-08")) || 0;
  await tungguSiapLuring(page);

  // 1. Keep the phone's values. The phone changes only SPM-02; meanwhile another device changes SPM-02 and
  //    SPM-08, which the phone never touched: SPM-08 must keep the other device's value.
  await context.setOffline(true);
  await simpanDiPonsel(page, desa, awal + 7);
  await ubahDiServer(browser, desa, { "SPM-02": awal + 1, "SPM-08": awal08 + 5 });
  await page.goto("/laporan/antrean");
  await context.setOffline(false);
  const entri = page.getByTestId(`entri-${desa}`);
  await expect(entri).toContainText("Berbeda dengan server", { timeout: 30_000 });
  await expect(page.getByTestId(`ponsel-${desa}-SPM-02`)).toHaveText(String(awal + 7));
  await expect(page.getByTestId(`server-${desa}-SPM-02`)).toHaveText(String(awal + 1));
  await expect(page.getByTestId(`dasar-${desa}-SPM-02`)).toHaveText(awalTeks === "" ? "–" : awalTeks);
  await expect(page.getByTestId(`banding-${desa}`).locator("tbody tr")).toHaveCount(1); // SPM-08 is not the phone's
  await expect(page.getByTestId(`banding-info-${desa}`)).toContainText("1 indikator lain diubah hanya di server dan tetap dipakai");
  await layar(page, "6-konflik");
  await page.getByRole("button", { name: "Pakai angka ponsel" }).click();
  await expect(page.getByTestId("antrean-kosong")).toBeVisible({ timeout: 30_000 });
  expect(await nilaiServer(page, desa)).toBe(String(awal + 7));
  expect(await nilaiServer(page, desa, "SPM-08")).toBe(String(awal08 + 5)); // the other device's change survives

  // 2. Keep the server's values.
  await tungguSiapLuring(page);
  await context.setOffline(true);
  await simpanDiPonsel(page, desa, awal + 9);
  await ubahDiServer(browser, desa, { "SPM-02": awal + 2 });
  await page.goto("/laporan/antrean");
  await context.setOffline(false);
  await expect(entri).toContainText("Berbeda dengan server", { timeout: 30_000 });
  await expect(page.getByTestId(`ponsel-${desa}-SPM-02`)).toHaveText(String(awal + 9));
  await expect(page.getByTestId(`server-${desa}-SPM-02`)).toHaveText(String(awal + 2));
  await page.getByRole("button", { name: "Pakai angka server" }).click();
  await expect(page.getByTestId("antrean-kosong")).toBeVisible();
  expect(await nilaiServer(page, desa)).toBe(String(awal + 2));
});
