import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// Every form and report page of each role: no serious or critical axe violation.
const PAGES: { email: string; urls: string[] }[] = [
  { email: "pkm.anyar@pantau.id", urls: ["/laporan", "/laporan/grid?klaster=K2", "/laporan/36.04.30.2001", "/laporan/unggah", "/sasaran/36.04.30.2001"] },
  { email: "dinkes.serang@pantau.id", urls: ["/verifikasi", "/pengaturan", "/sasaran/36.04.30.2001", "/ekspor"] },
  { email: "admin@pantau.id", urls: ["/admin/token", "/ekspor?wilayah=36&tahun=2026&bulan=6&detail=anak&indikator=spm"] },
];

for (const { email, urls } of PAGES) {
  test(`forms and report pages of ${email} have no serious or critical axe violation`, async ({ page }) => {
    await login(page, email);
    await expect(page.getByTestId("peran")).toBeVisible();
    for (const url of urls) {
      expect((await page.goto(url))?.status(), url).toBe(200);
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${url}: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
    }
  });
}
