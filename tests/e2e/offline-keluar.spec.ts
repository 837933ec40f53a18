import { expect, test } from "@playwright/test";
import { login } from "./helpers";
import { bukaFormSiapLuring, isiPonsel, layar, tekanSimpan } from "./offline-helpers";

// Issue 16: a shared phone. "Keluar" names the unsent entries, asks, then empties the phone's store. 360 px.
test.use({ viewport: { width: 360, height: 780 }, serviceWorkers: "allow" });

test("logout asks before discarding unsent entries, then the device store is empty for the next account", async ({ page, context }) => {
  await bukaFormSiapLuring(page, 3);

  // A weak link: the sync request never gets through, the entry stays on the phone.
  await page.route("**/api/v1/offline/kirim", (route) => route.abort("internetdisconnected"));
  await context.setOffline(true);
  await page.reload();
  await page.locator("#nilai-KIA-K1").fill("3");
  // "Kirim" whatever the demo holds for that month (a draft of a report already sent is refused).
  await tekanSimpan(page, "Kirim laporan", "Tersimpan di ponsel ini, belum terkirim");
  await context.setOffline(false);
  await page.goto("/laporan");
  await expect(page.getByTestId("ringkas-antrean")).toHaveText("1 isian belum terkirim");
  expect(await isiPonsel(page)).toMatchObject({ antrean: 1, paket: 1 });

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page.getByTestId("keluar-peringatan")).toContainText("Ada 1 isian yang belum terkirim");
  await layar(page, "7-keluar-bertanya");
  await page.getByRole("button", { name: "Batal" }).click();
  expect((await isiPonsel(page)).antrean).toBe(1); // cancelled: nothing discarded
  await page.getByRole("button", { name: "Keluar" }).click();
  await page.getByRole("button", { name: "Keluar dan hapus isian" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(await isiPonsel(page)).toEqual({ antrean: 0, paket: 0, caches: 0, sw: 0 });

  // Another account on the same browser finds nothing of the first.
  await login(page, "dinkes.serang@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  expect(await isiPonsel(page)).toMatchObject({ antrean: 0, paket: 0 });
});
