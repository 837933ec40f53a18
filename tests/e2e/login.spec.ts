import { expect, test } from "@playwright/test";
import { login } from "./helpers";

test("a page without a session sends the user to the login page", async ({ page }) => {
  await page.goto("/wilayah/36.04");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Masuk" })).toBeVisible();
});

test("puskesmas user logs in, sees the home page with scope, and drills to a desa", async ({ page }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();
  await expect(page.getByTestId("peran")).toHaveText("Puskesmas");
  await expect(page.getByTestId("wilayah")).toContainText("Puskesmas Anyar");
  await page.getByRole("link", { name: /Buka wilayah/ }).click();
  await expect(page).toHaveURL(/\/puskesmas\/P36043001/);
  await page.getByRole("link", { name: "Anyar", exact: true }).first().click();
  await expect(page.getByTestId("pustu")).toContainText("Pustu Anyar");
  await expect(page.getByTestId("posyandu")).toBeVisible();
  await page.screenshot({ path: "test-results/desa-360.png" });
});

test("a wrong password shows a clear Indonesian message", async ({ page }) => {
  await login(page, "dinkes.serang@pantau.id", "salah-sekali");
  await expect(page.getByText("Email atau kata sandi salah.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("a URL outside the user's scope is refused", async ({ page }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const response = await page.goto("/wilayah/17.07");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("di luar wilayah yang boleh Anda lihat")).toBeVisible();
});

test("logout ends the session", async ({ page }) => {
  await login(page, "dinkes.banten@pantau.id");
  await expect(page.getByTestId("wilayah")).toContainText("Banten");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("without JavaScript the login page says so, and its button cannot post the form to nowhere", async ({ browser, request }) => {
  // Chromium under Playwright still parses <noscript> as if scripts ran, so the notice is read from the HTML.
  const html = await (await request.get("/login")).text();
  expect(html).toMatch(/<noscript><p[^>]*>Untuk masuk, Pantau memerlukan JavaScript\. Aktifkan JavaScript/);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Masuk" })).toBeDisabled();
  await context.close();
});

test("with JavaScript the login button is ready once the form is hydrated, and no JavaScript notice shows", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Masuk" })).toBeEnabled();
  await expect(page.getByText("Untuk masuk, Pantau memerlukan JavaScript.")).toBeHidden();
});
