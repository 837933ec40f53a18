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

test("without JavaScript the login form signs in, and a refusal keeps the email with the message", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("dinkes.serang@pantau.id");
  await page.getByLabel("Kata sandi").fill("salah-sekali");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByText("Email atau kata sandi salah.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("dinkes.serang@pantau.id");
  await expect(page.getByLabel("Kata sandi")).toHaveValue("");
  await page.getByLabel("Kata sandi").fill("pantau-demo");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByRole("heading", { name: /Selamat datang/ })).toBeVisible();
  await expect(page.getByTestId("wilayah")).toContainText("Serang");
  // The session is next-auth's: httpOnly, SameSite=Lax, 8 hours.
  const session = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(session!.expires * 1000 - Date.now()).toBeGreaterThan(7.9 * 3600_000);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/wilayah/36.04");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("with JavaScript the login button is ready at once, and an empty form is answered in Indonesian", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Masuk" })).toBeEnabled();
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByText("Isi email dan kata sandi.")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});
