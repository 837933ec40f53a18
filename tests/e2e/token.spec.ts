import { expect, test } from "@playwright/test";
import { TOKEN } from "@/lib/i18n/token";
import { login } from "./helpers";

// /admin/token: a token is made with a chosen lifetime and listed with its expiry and last use; puskesmas
// accounts are not offered (API reads must never show drafts).
test("an admin makes a 30-day token; the list shows its expiry; no puskesmas account is offered", async ({ page }) => {
  await login(page, "admin@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto("/admin/token");
  const users = await page.locator('select[name="userId"] option').allTextContents();
  expect(users.length).toBeGreaterThan(0);
  expect(users.filter((u) => u.includes("Puskesmas"))).toEqual([]);
  expect(await page.locator('select[name="hari"]').inputValue()).toBe("90");
  await page.locator('select[name="userId"]').selectOption({ label: users.find((u) => u.startsWith("dinkes.serang"))! });
  await page.locator('input[name="nama"]').fill("uji e2e 30 hari");
  await page.locator('select[name="hari"]').selectOption("30");
  await page.getByRole("button", { name: "Buat token" }).click();
  await expect(page.getByTestId("token-baru")).toHaveText(/^pantau_/);
  await page.reload();
  const row = page.getByTestId("token-uji e2e 30 hari");
  await expect(row).toBeVisible();
  await expect(page.getByRole("columnheader", { name: TOKEN.berlakuSampai })).toBeVisible();
  const expected = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Jakarta" }).format(new Date(Date.now() + 30 * 86_400_000));
  await expect(row).toContainText(expected); // e.g. "28 Des 2026": 30 days ahead
  await page.screenshot({ path: "test-results/admin-token.png", fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: "test-results/admin-token-360.png", fullPage: true });
});
