import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test("dinkes kabupaten sets a desa's sasaran (ditetapkan), the dashboard uses it, then returns it to the estimate", async ({ page }) => {
  const desa = "36.04.30.2007";
  await login(page, "dinkes.serang@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto(`/wilayah/${desa}?tahun=2026&bulan=6`);
  await page.getByRole("link", { name: "Penduduk dan sasaran →" }).click();
  await expect(page).toHaveURL(new RegExp(`/sasaran/${desa.replaceAll(".", "\\.")}`));
  await page.goto(`/sasaran/${desa}?tahun=2026`);
  const field = page.getByLabel(/Pelayanan kesehatan ibu bersalin \(SPM-02\)/);
  const estimasi = await field.inputValue();
  await expect(page.getByTestId("sasaran-SPM-02")).toContainText("Estimasi dari penduduk");

  await field.fill("abc");
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByTestId("pesan-sasaran")).toContainText("belum ada yang disimpan");
  await expect(field).toHaveValue("abc");

  await field.fill("4321");
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByTestId("pesan-sasaran")).toContainText("1 perubahan tersimpan");
  await expect(page.getByTestId("sasaran-SPM-02")).toContainText("Ditetapkan");
  await page.goto(`/wilayah/${desa}?tahun=2026&bulan=6`);
  await expect(page.getByTestId("kartu-SPM-02")).toContainText("4.321");

  await page.goto(`/sasaran/${desa}?tahun=2026`);
  await page.getByTestId("sasaran-SPM-02").getByLabel("Kembalikan ke estimasi dari penduduk").check();
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByTestId("sasaran-SPM-02")).toContainText("Estimasi dari penduduk");
  await expect(page.getByLabel(/Pelayanan kesehatan ibu bersalin \(SPM-02\)/)).toHaveValue(estimasi);
});

test("a puskesmas user sees sasaran read-only and has no settings page", async ({ page }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto("/sasaran/36.04.30.2007?tahun=2026");
  await expect(page.getByLabel(/Pelayanan kesehatan ibu bersalin \(SPM-02\)/)).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "Simpan perubahan" })).toHaveCount(0);
  expect((await page.goto("/pengaturan"))?.status()).toBe(404);
  expect((await page.goto("/sasaran/17.07.01.2001?tahun=2026"))?.status()).toBe(404);
});

test("dinkes kabupaten changes the deadline day; a wrong value is refused with a message", async ({ page }) => {
  await login(page, "dinkes.serang@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.getByRole("link", { name: "Pengaturan" }).click();
  const hari = page.getByLabel(/Tanggal batas/);
  await expect(hari).toHaveValue("10");
  await hari.fill("40");
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByText("Isi dengan tanggal 1–31.")).toBeVisible();
  await hari.fill("12");
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByTestId("pesan-pengaturan")).toContainText("Pengaturan tersimpan");
  await page.reload();
  await expect(page.getByLabel(/Tanggal batas/)).toHaveValue("12");
  await hari.fill("10");
  await page.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(page.getByTestId("pesan-pengaturan")).toContainText("Pengaturan tersimpan");
});

test("an admin creates an API token, sees it once, and revokes it", async ({ page, request }) => {
  await login(page, "admin@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.getByRole("link", { name: "Token API" }).click();
  await page.getByLabel(/Pengguna/).selectOption({ label: "dinkes.serang@pantau.id — Dinas Kesehatan Kabupaten/Kota" });
  await page.getByLabel("Nama token").fill("uji e2e");
  await page.getByRole("button", { name: "Buat token" }).click();
  const token = (await page.getByTestId("token-baru").innerText()).trim();
  expect(token).toMatch(/^pantau_/);
  const ok = await request.get("/api/v1/spm?wilayah=36.04&tahun=2026&bulan=6", { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  await page.reload();
  await page.getByTestId("token-uji e2e").getByRole("button", { name: "Cabut" }).click();
  await expect(page.getByTestId("token-uji e2e")).toContainText("Dicabut");
  const revoked = await request.get("/api/v1/spm?wilayah=36.04&tahun=2026&bulan=6", { headers: { authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);
});
