import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const ACCOUNTS = [
  { email: "admin@pantau.id", landing: /\/wilayah$/, nama: "Indonesia" },
  { email: "dinkes.banten@pantau.id", landing: /\/wilayah\/36$/, nama: "Banten" },
  { email: "dinkes.serang@pantau.id", landing: /\/wilayah\/36\.04$/, nama: "Kabupaten Serang" },
  { email: "pkm.anyar@pantau.id", landing: /\/puskesmas\/P36043001$/, nama: "Puskesmas Anyar" },
  { email: "dinkes.lebong@pantau.id", landing: /\/wilayah\/17\.07$/, nama: "Kabupaten Lebong" },
];

for (const a of ACCOUNTS) {
  test(`${a.email} lands on their own unit's dashboard`, async ({ page }) => {
    await login(page, a.email);
    await page.getByRole("link", { name: /Buka wilayah/ }).click();
    await expect(page).toHaveURL(a.landing);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(a.nama);
    await expect(page.getByTestId("kartu-SPM-01")).toBeVisible();
  });
}

test("dinkes provinsi drills from provinsi to desa, changes month, and the card equals the engine", async ({ page }) => {
  await login(page, "dinkes.banten@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto("/wilayah/36");
  await page.getByRole("link", { name: "Kabupaten Serang" }).first().click();
  await expect(page).toHaveURL(/\/wilayah\/36\.04\?/);
  await page.getByRole("link", { name: "Puskesmas Anyar" }).first().click();
  await expect(page).toHaveURL(/\/puskesmas\/P36043001/);
  await page.getByRole("link", { name: "Anyar", exact: true }).first().click();
  await expect(page).toHaveURL(/\/wilayah\/36\.04\.30\.2001/);
  await page.locator('select[name="bulan"]').selectOption("3");
  await page.locator('select[name="tahun"]').selectOption("2025");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/tahun=2025/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Maret 2025");
  const api = await page.request.get("/api/v1/spm?wilayah=36.04.30.2001&tahun=2025&bulan=3");
  expect(api.status()).toBe(200);
  const body = await api.json();
  const spm01 = body.layanan[0];
  const shown = spm01.capaian === null ? "–" : `${new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 }).format(spm01.capaian)} %`;
  await expect(page.getByTestId("kartu-SPM-01").getByTestId("capaian")).toHaveText(shown);
});

test("a link outside the scope is refused", async ({ page }) => {
  await login(page, "dinkes.serang@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  expect((await page.goto("/wilayah/36"))?.status()).toBe(404);
  // The 404 says so at once (Next draws it with its scripts: the page is not held until a first paint).
  await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible({ timeout: 2_000 });
  expect((await page.goto("/wilayah/17.07.01.2001"))?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Kembali ke beranda" })).toBeVisible({ timeout: 2_000 });
  expect((await page.request.get("/api/v1/spm?wilayah=17.07&tahun=2026&bulan=1")).status()).toBe(403);
});

test("every dashboard level has no serious or critical axe violation", async ({ page }) => {
  await login(page, "admin@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  for (const url of ["/wilayah", "/wilayah/36", "/wilayah/36.04", "/wilayah/36.04.30", "/puskesmas/P36043001", "/wilayah/36.04.30.2001"]) {
    await page.goto(url);
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${url}: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
  }
});

test("the desa dashboard on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto("/wilayah/36.04.30.2001");
  await expect(page.getByTestId("kartu-SPM-12")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await page.screenshot({ path: "test-results/desa-360.png", fullPage: true });
  // The tables wider than the phone say so where one can see it, and each one they name does scroll.
  await expect(page.getByTestId("petunjuk-geser").first()).toBeVisible();
  const regions = await page.evaluate(() =>
    [...document.querySelectorAll('[role="region"]')].map((r) => ({ name: r.getAttribute("aria-label"), scrolls: r.scrollWidth > r.clientWidth })),
  );
  expect(regions.filter((r) => r.scrolls).length).toBeGreaterThan(0);
});

test("a kabupaten dashboard on a 360 px phone: ranking and heatmap scroll inside their box, with a visible hint; none on a wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await login(page, "dinkes.serang@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto("/wilayah/36.04");
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  for (const heading of ["Peringkat capaian", "Tabel warna capaian SPM"]) {
    const section = page.locator("section").filter({ has: page.getByRole("heading", { name: new RegExp(heading) }) });
    await expect(section.getByTestId("petunjuk-geser")).toBeVisible();
    const region = section.getByRole("region", { name: "Tabel, dapat digeser ke samping" });
    expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId("petunjuk-geser").first()).toBeHidden();
});

test("the grafik PWS of the desa dashboard is in the server's HTML: drawn without JavaScript, 12 months, a title per point", async ({ page, browser }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const p = await noJs.newPage();
  await p.goto("/wilayah/36.04.30.2001?tahun=2026&bulan=6");
  await p.screenshot({ path: "test-results/desa-nojs.png", fullPage: true });
  await expect(p.getByRole("heading", { level: 1 })).toContainText("Anyar");
  const chart = p.locator('svg[data-testid="grafik-pws"]:visible');
  await expect(chart).toHaveCount(1);
  await expect(chart).toHaveAttribute("role", "img");
  await expect(chart).toHaveAttribute("aria-label", /^Capaian kumulatif .* per bulan dibanding garis target/);
  const labels = await chart.locator("text").allTextContents();
  expect(labels.filter((t) => !t.endsWith("%"))).toEqual(["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]);
  const points = await chart.locator("circle > title").allTextContents();
  expect(points.length).toBeGreaterThan(0);
  expect(points.length).toBeLessThanOrEqual(6);
  expect(points[0]).toMatch(/^Jan: capaian kumulatif [\d.,]+ %, garis target [\d.,]+ %$/);
  expect(await chart.locator("path").count()).toBeGreaterThanOrEqual(1);

  // December of the current year: months that have not begun get no point (no flat line of "no service").
  const wib = new Date(Date.now() + 7 * 3600_000);
  await p.goto(`/wilayah/36.04.30.2001?tahun=${wib.getUTCFullYear()}&bulan=12`);
  const months = (await p.locator('svg[data-testid="grafik-pws"]:visible circle > title').allTextContents()).map((t) => t.slice(0, 3));
  expect(months.length).toBeGreaterThan(0);
  expect(months.length).toBeLessThanOrEqual(wib.getUTCMonth() + 1);
  await noJs.close();
});

test("the page is painted before its JavaScript loads; then every chunk loads once and the page works", async ({ page }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  // As sent: no chunk script in the head, one inline loader instead (scripts/lib/scripts-after-paint.mjs).
  const sent = await (await page.request.get("/wilayah/36.04.30.2001", { headers: { accept: "text/html" } })).text();
  const head = sent.slice(0, sent.indexOf("</head>"));
  expect(head).not.toMatch(/<script src="\/_next\/static\/[^"]+\.js" async/);
  expect(head).toMatch(/<meta charSet="utf-8"\/><script>\(function\(s,p,w\)/);
  // The build's bootstrap was found (scripts/lib/bootstrap-steps.mjs): React DOM among the modules the
  // loader evaluates a task at a time before Next hydrates. A Next.js upgrade that changes it fails here.
  const steps = JSON.parse(/\((\[[^\]]*\]),(\[[^\]]*\]),(\[[^\]]*\])\)<\/script>/.exec(head)![3]) as number[];
  expect(steps.length).toBeGreaterThan(5);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto("/wilayah/36.04.30.2001");
  // Once loaded, each chunk is in the document once: React found the loader's tags and added none of its own.
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('script[src^="/_next/static/chunks/"][async]').length)).toBeGreaterThan(3);
  const srcs = await page.evaluate(() => [...document.querySelectorAll('script[src^="/_next/static/chunks/"]')].map((s) => s.getAttribute("src")));
  expect(new Set(srcs).size).toBe(srcs.length);
  // Hydrated (React's fiber on the heading), then a client-side navigation happens without a full page load.
  await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector("h1")!).some((k) => k.startsWith("__reactFiber")))).toBe(true);
  await page.evaluate(() => ((window as unknown as { __belumMuat: boolean }).__belumMuat = true));
  await page.getByRole("link", { name: "SPM-02", exact: true }).click();
  await expect(page).toHaveURL(/indikator=SPM-02#pws-trend$/);
  // The reader stays at the chart that changed, not back at the top of the page.
  await expect(page.getByRole("heading", { name: /Grafik PWS/ })).toBeInViewport();
  expect(await page.evaluate(() => (window as unknown as { __belumMuat?: boolean }).__belumMuat)).toBe(true);
  expect(errors).toEqual([]);
});

test("the server-built rows of a kabupaten dashboard: their links navigate without a page load once hydrated", async ({ page }) => {
  await login(page, "dinkes.serang@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto("/wilayah/36.04?tahun=2026&bulan=3");
  await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector("h1")!).some((k) => k.startsWith("__reactFiber")))).toBe(true);
  await page.evaluate(() => ((window as unknown as { __belumMuat: boolean }).__belumMuat = true));
  const link = page.locator("table.peringkat tbody a[data-soft-link]").first();
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/puskesmas\/P\d+\?tahun=2026&bulan=3$/);
  const nama = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(href);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(nama);
  expect(await page.evaluate(() => (window as unknown as { __belumMuat?: boolean }).__belumMuat)).toBe(true);
  // Back on the kabupaten, the heatmap's links go to the same units.
  await page.goBack();
  await expect(page.locator(`table.heatmap tbody a[href="${href}"]`)).toHaveText(nama);
});

test("an indicator the grafik cannot draw is named, not silently replaced", async ({ page }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto("/wilayah/36.04.30.2001?tahun=2026&bulan=3&indikator=SPM-99");
  const notice = page.getByTestId("indikator-tak-dikenal");
  await expect(notice).toContainText("“SPM-99” tidak bisa ditampilkan");
  await expect(notice).toContainText("yang ditampilkan SPM-01");
  await expect(page.getByRole("heading", { name: /Grafik PWS/ })).toBeVisible();
  // Markup in the parameter is text; a repeated parameter: the first one counts.
  await page.goto("/wilayah/36.04.30.2001?tahun=2026&bulan=3&indikator=%3Cb%3Ex%3C%2Fb%3E&indikator=SPM-02");
  await expect(notice).toContainText("“<b>x</b>”");
  await expect(notice.locator("b")).toHaveCount(0);
  // A known indicator, or none: no notice.
  await page.goto("/wilayah/36.04.30.2001?tahun=2026&bulan=3&indikator=SPM-02");
  await expect(page.getByRole("heading", { name: /Grafik PWS/ })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.goto("/wilayah/36.04.30.2001?tahun=2026&bulan=3");
  await expect(page.getByRole("heading", { name: /Grafik PWS/ })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("a repeated query parameter counts with its first value on every page, never a 404", async ({ page }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const periode = "tahun=2026&tahun=2025&bulan=3&bulan=4";
  for (const [url, judul] of [
    [`/wilayah/36.04.30.2001?${periode}`, "Maret 2026"],
    [`/laporan?puskesmas=P36043001&puskesmas=P36043002&${periode}`, "Laporan bulanan · Maret 2026"],
    [`/laporan?puskesmas=&puskesmas=P36043002&${periode}`, "Laporan bulanan · Maret 2026"], // empty: the user's own
    [`/laporan/36.04.30.2001?${periode}`, "Maret 2026"],
    [`/laporan/grid?puskesmas=P36043001&puskesmas=P36043002&klaster=K3&klaster=K2&${periode}`, "Isian cepat · Maret 2026"],
  ] as const) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }), url).toContainText(judul);
  }
  // The last page, the grid: the first klaster counts.
  await expect(page.getByRole("link", { name: /K3 · Usia Dewasa dan Lansia/ })).toHaveAttribute("aria-current", "page");
});

test("a dashboard says when its period is not complete: a month ahead, this month, last month until its deadline day", async ({ page }) => {
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const wib = new Date(Date.now() + 7 * 3600_000);
  const [tahun, bulan, hari] = [wib.getUTCFullYear(), wib.getUTCMonth() + 1, wib.getUTCDate()];
  const lalu = bulan === 1 ? { tahun: tahun - 1, bulan: 12 } : { tahun, bulan: bulan - 1 };
  const catatan = page.getByTestId("periode-berjalan");
  await page.goto(`/wilayah/36.04.30.2001?tahun=${tahun}&bulan=${bulan}`);
  await expect(catatan).toContainText("Bulan ini masih berjalan");
  await page.goto(`/wilayah/36.04.30.2001?tahun=${tahun + 1}&bulan=1`);
  await expect(catatan).toContainText("Periode ini belum berjalan");
  await page.goto(`/wilayah/36.04.30.2001?tahun=2025&bulan=6`);
  await expect(page.getByRole("heading", { name: /Grafik PWS/ })).toBeVisible();
  await expect(catatan).toHaveCount(0);
  // Last month: until day 10 (the demo's deadline day) its reports can still come in.
  await page.goto(`/wilayah/36.04.30.2001?tahun=${lalu.tahun}&bulan=${lalu.bulan}`);
  await expect(page.getByRole("heading", { name: /Grafik PWS/ })).toBeVisible();
  if (hari <= 10) await expect(catatan).toContainText(`masih bisa masuk sampai 10 `);
  else await expect(catatan).toHaveCount(0);
});
