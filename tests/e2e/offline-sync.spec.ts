import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";
import { bukaFormSiapLuring, bulanLalu, desaTerbuka, isiPonsel, layar, tekanSimpan, tungguSiapLuring } from "./offline-helpers";

// Issue 16: a puskesmas phone without signal. Runs at 360 px (screenshots in test-results/offline/).
test.use({ viewport: { width: 360, height: 780 }, serviceWorkers: "allow" });
test.describe.configure({ mode: "serial" });

const { tahun, bulan } = bulanLalu();

/** The dashboard card's realisasi of SPM-02 for a desa and the month. */
async function realisasi(page: Page, desa: string): Promise<string> {
  await page.goto(`/wilayah/${desa}?tahun=${tahun}&bulan=${bulan}`);
  const card = page.getByTestId("kartu-SPM-02");
  await expect(card).toBeVisible();
  return (await card.innerText()).replace(/\s+/g, " ").trim();
}

/** Types SPM-02 = stored + `tambah` and presses "Kirim laporan" on the phone; confirms warnings if any. */
async function isiDiPonsel(page: Page, tambah: number): Promise<number> {
  const input = page.locator("#nilai-SPM-02");
  const baru = Number((await input.inputValue()) || "0") + tambah;
  await input.fill(String(baru));
  await tekanSimpan(page, "Kirim laporan", "Tersimpan di ponsel ini, belum terkirim");
  return baru;
}

test("two desa typed without signal wait on the phone, survive closing the page, and are sent when the signal returns", async ({ page, context }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const [a, b] = await desaTerbuka(page, 2);
  const sebelum = [await realisasi(page, a), await realisasi(page, b)];

  await page.goto(`/laporan/${a}?tahun=${tahun}&bulan=${bulan}`);
  await tungguSiapLuring(page);
  await layar(page, "1-formulir-online");
  const belumDihitung = async () => ((await page.getByTestId("belum-dihitung").count()) > 0 ? page.getByTestId("belum-dihitung").innerText() : null);
  const belumOnline = await belumDihitung();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("banner-luring")).toBeVisible();
  // The months the running totals leave out are listed without signal too, in the same words.
  expect(await belumDihitung()).toBe(belumOnline);
  await layar(page, "2-formulir-tanpa-sinyal");
  const nilaiA = await isiDiPonsel(page, 3);
  await layar(page, "3-tersimpan-di-ponsel");

  await page.getByRole("link", { name: "← Semua desa bulan ini" }).click();
  await page.locator(`a[href^="/laporan/${b}?"]`).click();
  await expect(page.locator("#nilai-SPM-02")).toBeVisible();
  const nilaiB = await isiDiPonsel(page, 2);

  await page.goto("/laporan/antrean");
  await expect(page.getByTestId(`entri-${a}`)).toContainText("Menunggu dikirim");
  await expect(page.getByTestId(`entri-${b}`)).toContainText("Menunggu dikirim");
  await layar(page, "4-antrean");

  // Closing the page and opening Pantau again: still queued on the phone.
  await page.close();
  const lagi = await context.newPage();
  await lagi.goto("/laporan");
  await expect(lagi.getByTestId(`entri-${a}`)).toBeVisible();
  await expect(lagi.getByTestId(`entri-${b}`)).toBeVisible();

  // The signal returns: the outbox sends itself.
  await context.setOffline(false);
  await expect(lagi.getByTestId("antrean-kosong")).toBeVisible({ timeout: 30_000 });
  await layar(lagi, "5-terkirim");

  for (const [desa, nilai] of [[a, nilaiA], [b, nilaiB]] as const) {
    await lagi.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
    await expect(lagi.getByTestId("status-laporan")).toHaveText(/Dikirim/);
    await expect(lagi.locator("#nilai-SPM-02")).toHaveValue(String(nilai));
  }
  expect([await realisasi(lagi, a), await realisasi(lagi, b)]).not.toEqual(sebelum);
  expect(await realisasi(lagi, a)).not.toBe(sebelum[0]);
  expect(await realisasi(lagi, b)).not.toBe(sebelum[1]);
});

test("an expired session keeps the outbox; after logging in again it is sent", async ({ page, context }) => {
  const desa = await bukaFormSiapLuring(page, 5);
  await context.setOffline(true);
  await page.reload();
  const nilai = await isiDiPonsel(page, 4);

  // The session ends while the phone is offline (8 hours, or a logout elsewhere).
  await context.clearCookies();
  await page.goto("/laporan/antrean");
  await context.setOffline(false);
  await expect(page.getByTestId("pesan-antrean")).toContainText("Sesi Anda sudah berakhir", { timeout: 30_000 });
  await expect(page.getByTestId(`entri-${desa}`)).toContainText("Menunggu dikirim");

  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await expect.poll(async () => (await isiPonsel(page)).antrean, { timeout: 30_000 }).toBe(0);
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await expect(page.locator("#nilai-SPM-02")).toHaveValue(String(nilai));
});
