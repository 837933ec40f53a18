import type { Page } from "@playwright/test";

export async function login(page: Page, email: string, password = "pantau-demo") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}
