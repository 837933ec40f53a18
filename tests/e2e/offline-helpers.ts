import fs from "node:fs";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { login } from "./helpers";

// Helpers of the offline entry tests (issue 16): the month the phone keeps, the device store, screenshots.

/** The last full month (WIB): the newest month the offline package holds. */
export function bulanLalu() {
  const wib = new Date(Date.now() + 7 * 3600_000);
  const tahun = wib.getUTCFullYear();
  const bulan = wib.getUTCMonth() + 1;
  return bulan === 1 ? { tahun: tahun - 1, bulan: 12 } : { tahun, bulan: bulan - 1 };
}

/** Anyar desa that no other e2e test writes. */
export const DESA_BEBAS = ["36.04.30.2002", "36.04.30.2008", "36.04.30.2009", "36.04.30.2010", "36.04.30.2011", "36.04.30.2012"];

/** What the browser keeps of Pantau: outbox entries, packages, caches, service workers. */
export async function isiPonsel(page: Page): Promise<{ antrean: number; paket: number; caches: number; sw: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open("pantau-luring", 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore("paket", { keyPath: "userId" });
        r.result.createObjectStore("antrean", { keyPath: "id" }).createIndex("userId", "userId");
        r.result.createObjectStore("meta");
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const count = (store: string) =>
      new Promise<number>((resolve) => {
        const q = db.transaction(store).objectStore(store).count();
        q.onsuccess = () => resolve(q.result);
      });
    const out = { antrean: await count("antrean"), paket: await count("paket"), caches: (await caches.keys()).length, sw: (await navigator.serviceWorker.getRegistrations()).length };
    db.close();
    return out;
  });
}

/** Waits until the service worker controls /laporan pages and the package is on the phone. */
export async function tungguSiapLuring(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(async () => (await isiPonsel(page)).paket, { timeout: 20_000 }).toBe(1);
}

export async function layar(page: Page, nama: string) {
  fs.mkdirSync("test-results/offline", { recursive: true });
  await page.screenshot({ path: `test-results/offline/${nama}.png` });
}

/** Desa of Anyar whose report of the month is not verified (the phone may change it), from the overview. */
export async function desaTerbuka(page: Page, n: number): Promise<string[]> {
  const { tahun, bulan } = bulanLalu();
  await page.goto(`/laporan?tahun=${tahun}&bulan=${bulan}`);
  const bebas: string[] = [];
  for (const d of DESA_BEBAS) {
    const cell = page.getByTestId(`status-${d}`);
    if ((await cell.count()) && !/Diverifikasi/.test(await cell.innerText())) bebas.push(d);
  }
  expect(bebas.length).toBeGreaterThanOrEqual(n);
  return bebas;
}

/**
 * Logs in as pkm.anyar, opens the form of the `ke`-th open desa (1-based) for the last full month and waits
 * until the phone is ready to work without signal. Returns the desa's code.
 */
export async function bukaFormSiapLuring(page: Page, ke: number): Promise<string> {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const desa = (await desaTerbuka(page, ke))[ke - 1];
  const { tahun, bulan } = bulanLalu();
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await tungguSiapLuring(page);
  return desa;
}

export async function offline(context: BrowserContext, yes: boolean) {
  await context.setOffline(yes);
}

/** Presses a save button of the form; when it asks to confirm warnings, confirms and presses again; waits for `harap`. */
export async function tekanSimpan(page: Page, tombol: "Simpan draf" | "Kirim laporan", harap: string) {
  const pesan = page.getByTestId("pesan-form");
  await page.getByRole("button", { name: tombol }).click();
  await expect(pesan).toContainText(new RegExp(`${harap.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|Ada peringatan`));
  if (/Ada peringatan/.test(await pesan.innerText())) {
    await page.getByLabel(/Saya sudah memeriksa/).check();
    await page.getByRole("button", { name: tombol }).click();
  }
  await expect(pesan).toContainText(harap);
}
