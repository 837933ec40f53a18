import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test("dinkes provinsi opens the report page, chooses the detail and downloads the XLSX of their provinsi", async ({ page }) => {
  await login(page, "dinkes.banten@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.getByRole("link", { name: "Ekspor laporan" }).click();
  await expect(page).toHaveURL(/\/ekspor$/);
  await expect(page.locator('input[name="wilayah"]')).toHaveValue("36");
  await page.locator('select[name="detail"]').selectOption("anak");
  await page.locator('select[name="indikator"]').selectOption("spm");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/detail=anak/);
  await expect(page.getByTestId("ekspor-judul")).toContainText("Banten");
  await expect(page.getByTestId("pratinjau")).toContainText("Kabupaten Serang");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("unduh-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/^capaian-spm_36_\d{4}(-\d{2})?\.xlsx$/);
  const file = await download.path();
  const head = fs.readFileSync(file).subarray(0, 2).toString("latin1");
  expect(head).toBe("PK"); // an XLSX is a zip file
});

test("the report page names a period that is not complete, and ignores parameters that are not its fields", async ({ page }) => {
  await login(page, "dinkes.banten@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const tahunIni = new Date(Date.now() + 7 * 3600_000).getUTCFullYear(); // WIB
  await page.goto(`/ekspor?wilayah=36.04&tahun=${tahunIni}&bulan=&detail=anak&indikator=spm`);
  await expect(page.getByTestId("ekspor-judul")).toContainText(`Tahun ${tahunIni} (Januari–Desember; belum berakhir, data belum lengkap)`);
  await page.goto("/ekspor?wilayah=36.04&tahun=2025&bulan=&detail=anak&indikator=spm");
  await expect(page.getByTestId("ekspor-judul")).toContainText("Tahun 2025 (setahun penuh, Januari–Desember)");
  // `grafik` belongs to the PDF link, not to this form: the preview is shown (it used to vanish without a word).
  await page.goto("/ekspor?wilayah=36.04&tahun=2025&bulan=7&detail=anak&indikator=spm&grafik=PM-DBD");
  await expect(page.getByTestId("ekspor-judul")).toContainText("Juli 2025 (kumulatif Januari–Juli)");
  await expect(page.getByTestId("pratinjau")).toContainText("Anyar");
});

test("the export links answer files with attachment headers; outside the scope is refused", async ({ page }) => {
  await login(page, "dinkes.banten@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const csv = await page.request.get("/api/v1/ekspor/csv?wilayah=36.04&tahun=2026&bulan=6");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toBe('attachment; filename="capaian-spm_36.04_2026-06.csv"');
  expect(csv.headers()["cache-control"]).toBe("no-store");
  expect((await csv.text()).split("\r\n")[0]).toBe("\uFEFFkode_wilayah,nama_wilayah,indikator,sasaran,realisasi,capaian,target");
  const dhis2 = await page.request.get("/api/v1/dhis2?wilayah=36.04&tahun=2026&bulan=6");
  expect(dhis2.status()).toBe(200);
  expect(Array.isArray((await dhis2.json()).dataValues)).toBe(true);
  expect((await page.request.get("/api/v1/ekspor/pdf?wilayah=17.07&tahun=2026&bulan=6")).status()).toBe(403);
  expect((await page.request.get("/api/v1/ekspor/xlsx?wilayah=36&tahun=2026&detail=semua")).status()).toBe(400);
});

test("GET /api/v1/spm: 401 without a session, 400 for bulan=13", async ({ page, request }) => {
  const anonymous = await request.get("/api/v1/spm?wilayah=36&tahun=2026&bulan=6");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("UNAUTHORIZED");
  expect((await request.get("/api/v1/ekspor/xlsx?wilayah=36&tahun=2026&bulan=6")).status()).toBe(401);

  await login(page, "dinkes.banten@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const bad = await page.request.get("/api/v1/spm?wilayah=36&tahun=2026&bulan=13");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("BAD_REQUEST");
});
