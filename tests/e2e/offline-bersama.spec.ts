import { expect, test } from "@playwright/test";
import { login } from "./helpers";
import { bukaFormSiapLuring, bulanLalu, desaTerbuka, isiPonsel, tekanSimpan, tungguSiapLuring } from "./offline-helpers";

// Issue 16, found by an attack: a phone shared by two accounts, and a link that drops while the phone still
// believes it is online. 360 px.
test.use({ viewport: { width: 360, height: 780 }, serviceWorkers: "allow" });

const { tahun, bulan } = bulanLalu();

test("another account on the same browser sees none of a puskesmas's offline data; the outbox waits for its owner", async ({ page, context }) => {
  const desa = await bukaFormSiapLuring(page, 1);
  await page.route("**/api/v1/offline/kirim", (route) => route.abort("internetdisconnected"));
  await context.setOffline(true);
  await page.reload();
  await page.locator("#nilai-KIA-K1").fill("4");
  await tekanSimpan(page, "Kirim laporan", "Tersimpan di ponsel ini, belum terkirim");
  // Offline, a month the phone does not hold (or no month at all) is said so, never shown as "Belum diisi".
  await page.goto("/laporan?tahun=abc&bulan=99");
  await expect(page.getByTestId("periode-luring")).toContainText("tidak dikenal");
  await expect(page.locator("h1")).not.toContainText("NaN");
  await page.goto(`/laporan/${desa}?tahun=${tahun - 1}&bulan=${bulan}`);
  await expect(page.getByTestId("periode-luring")).toContainText("tidak tersimpan di ponsel");
  await expect(page.locator("#nilai-KIA-K1")).toHaveCount(0);

  // The session ends without "Keluar"; another account logs in on this browser, then loses the signal.
  await context.setOffline(false);
  await context.clearCookies();
  await login(page, "dinkes.lebong@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await expect.poll(async () => (await isiPonsel(page)).paket).toBe(0);
  await context.setOffline(true);
  for (const path of ["/laporan", "/laporan/antrean", `/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`]) {
    await page.goto(path).catch(() => undefined);
    await expect(page.getByTestId("luring-kosong")).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Anyar");
  }
  // Not lost: the entry stays on the phone, unseen, until its owner logs in again, and is then sent.
  expect((await isiPonsel(page)).antrean).toBe(1);
  await context.setOffline(false);
  await page.unroute("**/api/v1/offline/kirim");
  await context.clearCookies();
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await expect.poll(async () => (await isiPonsel(page)).antrean, { timeout: 30_000 }).toBe(0);
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await expect(page.locator("#nilai-KIA-K1")).toHaveValue("4");
});

test("a save that gets no answer (the link drops, the phone still online) keeps what was typed in the phone's outbox", async ({ page }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const desa = (await desaTerbuka(page, 2))[1];
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await tungguSiapLuring(page);
  // Every POST is cut: the server action and the outbox's sync alike.
  await page.route("**/*", (route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.continue()));
  await page.locator("#nilai-KIA-K1").fill("6");
  await tekanSimpan(page, "Kirim laporan", "Server tidak menjawab (sinyal terputus). Isian tersimpan di ponsel ini");
  await expect(page.locator("#nilai-KIA-K1")).toHaveValue("6");
  expect((await isiPonsel(page)).antrean).toBe(1);

  // The link comes back: opening the outbox sends it (on page load) through the same save.
  await page.unroute("**/*");
  await page.goto("/laporan/antrean");
  await expect(page.getByTestId("antrean-kosong")).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await isiPonsel(page)).antrean, { timeout: 30_000 }).toBe(0);
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await expect(page.locator("#nilai-KIA-K1")).toHaveValue("6");

  // The sync endpoint takes JSON from this site's own pages only (the session cookie alone is not enough).
  const body = { desaKode: desa, tahun, bulan, versi: 1, aksi: "kirim", nilai: {}, konfirmasi: true, diketikAt: new Date().toISOString() };
  const lain = await page.request.post("/api/v1/offline/kirim", { headers: { Origin: "http://evil.example", "Content-Type": "application/json" }, data: JSON.stringify(body) });
  expect([lain.status(), (await lain.json()).error.message]).toEqual([403, "Kiriman dari situs lain ditolak."]);
  const teks = await page.request.post("/api/v1/offline/kirim", { headers: { "Content-Type": "text/plain" }, data: JSON.stringify(body) });
  expect(teks.status()).toBe(400);
  await expect(page.locator("#nilai-KIA-K1")).toHaveValue("6");
});
