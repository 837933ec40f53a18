import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

// The current month has no demo reports (demo data ends at the last full month).
function periode() {
  const wib = new Date(Date.now() + 7 * 3600_000);
  return { tahun: wib.getUTCFullYear(), bulan: wib.getUTCMonth() + 1 };
}

async function cardText(page: Page, desa: string) {
  const { tahun, bulan } = periode();
  await page.goto(`/wilayah/${desa}?tahun=${tahun}&bulan=${bulan}`);
  // The dashboard streams: wait until the card is shown (not the hidden streamed copy), then compare text.
  const card = page.getByTestId("kartu-SPM-02");
  await expect(card).toBeVisible();
  return (await card.innerText()).replace(/\s+/g, " ").trim();
}

/** The realisasi shown on a card ("1.234 / 5.678 · target …"), as a number. */
function realisasiOf(text: string): number {
  const m = text.match(/([\d.]+) \/ [\d.–-]+ · target/);
  if (!m) throw new Error(`no realisasi in "${text}"`);
  return Number(m[1].replace(/\./g, ""));
}

test.describe.configure({ mode: "serial" });

test("puskesmas fills a form on a 360 px phone: error to fix, warning to confirm, draft, submit, dashboard changes", async ({ page }) => {
  const { tahun, bulan } = periode();
  const desa = "36.04.30.2004";
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const before = await cardText(page, desa);
  await page.goto(`/laporan?tahun=${tahun}&bulan=${bulan}`);
  await expect(page.getByTestId(`status-${desa}`)).toHaveText(/Belum diisi/);
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await page.getByLabel(/Pelayanan kesehatan ibu bersalin/).fill("2,5");
  await page.getByLabel(/Kunjungan neonatal pertama/).fill("4");
  await expect(page.getByTestId("info-KIA-KN1")).toContainText("kumulatif");
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page.getByText("Harus bilangan bulat")).toBeVisible();
  // The buttons are at the end of a long form; the answer is at its top, and is brought into view.
  await expect(page.getByTestId("pesan-form")).toContainText("Ada isian yang salah");
  await expect(page.getByTestId("pesan-form")).toBeInViewport();
  await expect(page.getByLabel(/Pelayanan kesehatan ibu bersalin/)).toHaveValue("2,5");
  await page.getByLabel(/Pelayanan kesehatan ibu bersalin/).fill("5000");
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page.getByText(/Peringatan:.*melebihi sasaran/)).toBeVisible();
  await page.getByLabel(/Saya sudah memeriksa/).check();
  await page.getByRole("button", { name: "Simpan draf" }).click();
  await expect(page.getByTestId("pesan-form")).toContainText("Draf tersimpan");
  expect(await cardText(page, desa)).toBe(before); // drafts do not count
  await page.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await expect(page.getByLabel(/Pelayanan kesehatan ibu bersalin/)).toHaveValue("5000");
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("pesan-form")).toContainText(/Ada peringatan|terkirim/);
  if (await page.getByLabel(/Saya sudah memeriksa/).isVisible()) {
    await page.getByLabel(/Saya sudah memeriksa/).check();
    await page.getByRole("button", { name: "Kirim laporan" }).click();
  }
  await expect(page.getByTestId("pesan-form")).toContainText("terkirim");
  // The page around the form follows: its status reads "Dikirim", and a sent report has no draft button.
  await expect(page.getByTestId("status-laporan")).toHaveText(/^Dikirim/);
  await expect(page.getByRole("button", { name: "Simpan draf" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Kirim laporan" })).toBeVisible();
  // The dashboard's realisasi grows by exactly the submitted value (this month had no report before).
  expect(realisasiOf(await cardText(page, desa))).toBe(realisasiOf(before) + 5000);
});

test("two people saving the same report: the second is refused and keeps the typed values", async ({ browser }) => {
  const { tahun, bulan } = periode();
  const url = `/laporan/36.04.30.2005?tahun=${tahun}&bulan=${bulan}`;
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  for (const p of [a, b]) {
    await login(p, "pkm.anyar@pantau.id");
    await expect(p.getByTestId("peran")).toBeVisible();
    await p.goto(url);
  }
  await a.getByLabel(/Pelayanan kesehatan balita/).fill("11");
  await a.getByRole("button", { name: "Simpan draf" }).click();
  await expect(a.getByTestId("pesan-form")).toContainText("Draf tersimpan");
  await b.getByLabel(/Pelayanan kesehatan balita/).fill("22");
  await b.getByRole("button", { name: "Simpan draf" }).click();
  await expect(b.getByTestId("pesan-form")).toContainText("baru saja diubah di tempat lain");
  await expect(b.getByLabel(/Pelayanan kesehatan balita/)).toHaveValue("22");
  await expect(b.getByTestId("terkini-SPM-04")).toContainText("11");
  // The second person decides, and meets a warning first: the confirmed save is based on the version the
  // conflict reported (it used to go back to the page's and meet the same conflict, round after round).
  await b.getByLabel(/Pelayanan kesehatan ibu bersalin/).fill("5000");
  await b.getByRole("button", { name: "Simpan draf" }).click();
  await expect(b.getByText(/Peringatan:.*melebihi sasaran/)).toBeVisible();
  await expect(b.getByTestId("terkini-SPM-04")).toContainText("11"); // still shown beside what was typed
  await b.getByLabel(/Saya sudah memeriksa/).check();
  await b.getByRole("button", { name: "Simpan draf" }).click();
  await expect(b.getByTestId("pesan-form")).toContainText("Draf tersimpan");
  await expect(b.getByTestId("terkini-SPM-04")).toHaveCount(0);
  await b.reload();
  await expect(b.getByLabel(/Pelayanan kesehatan balita/)).toHaveValue("22");
  await expect(b.getByLabel(/Pelayanan kesehatan ibu bersalin/)).toHaveValue("5000");
});

test("dinkes returns a report, puskesmas resubmits, dinkes verifies and the month is locked", async ({ browser }) => {
  const { tahun, bulan } = periode();
  const desa = "36.04.30.2004";
  const dinkes = await (await browser.newContext()).newPage();
  await login(dinkes, "dinkes.serang@pantau.id");
  await expect(dinkes.getByTestId("peran")).toBeVisible();
  await dinkes.goto("/verifikasi");
  const row = dinkes.getByTestId(`antrean-${desa}-${tahun}-${bulan}`);
  await row.getByLabel(/Alasan/).fill("Angka SPM-02 perlu dicek");
  await row.getByRole("button", { name: "Kembalikan" }).click();
  await expect(row.getByText("dikembalikan")).toBeVisible();
  // Dinkes reading the returned report: its values are no longer counted, and the form says its totals include them.
  await dinkes.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await expect(dinkes.getByTestId("bulan-ini-belum-dihitung")).toContainText("Laporan bulan ini (dikembalikan) belum dihitung di dasbor");

  const pkm = await (await browser.newContext()).newPage();
  await login(pkm, "pkm.anyar@pantau.id");
  await expect(pkm.getByTestId("peran")).toBeVisible();
  await pkm.goto(`/laporan?tahun=${tahun}&bulan=${bulan}`);
  await expect(pkm.getByTestId(`status-${desa}`)).toContainText("Angka SPM-02 perlu dicek");
  await pkm.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await pkm.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(pkm.getByTestId("pesan-form")).toContainText(/Ada peringatan|terkirim/);
  if (await pkm.getByLabel(/Saya sudah memeriksa/).isVisible()) {
    await pkm.getByLabel(/Saya sudah memeriksa/).check();
    await pkm.getByRole("button", { name: "Kirim laporan" }).click();
  }
  await expect(pkm.getByTestId("pesan-form")).toContainText("terkirim");
  await expect(pkm.getByTestId("bulan-ini-belum-dihitung")).toHaveCount(0); // sent: counted again

  await dinkes.goto("/verifikasi");
  await dinkes.getByTestId(`antrean-${desa}-${tahun}-${bulan}`).getByRole("button", { name: "Verifikasi" }).click();
  await expect(dinkes.getByText("diverifikasi dan dikunci")).toBeVisible();
  await pkm.goto(`/laporan/${desa}?tahun=${tahun}&bulan=${bulan}`);
  await expect(pkm.getByText("sudah diverifikasi dan terkunci")).toBeVisible();
  await expect(pkm.getByRole("button", { name: "Kirim laporan" })).toHaveCount(0);
});

test("upload: a file with errors writes nothing and lists every error; a correct one is previewed then saved", async ({ page }) => {
  const { tahun, bulan } = periode();
  const desa = "36.04.30.2006";
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  const before = await cardText(page, desa);
  await page.goto("/laporan/unggah");
  // Saved by Excel in Indonesian regional settings: `;` between fields; read as such, and said so.
  const bad = `kode_desa;tahun;bulan;indikator;nilai\r\n${desa};${tahun};${bulan};SPM-02;-4\r\n${desa};${tahun};${bulan};SPM-99;1\r\n36.04.22.2001;${tahun};${bulan};SPM-02;1\r\n`;
  await page.getByLabel(/Berkas nilai/).setInputFiles({ name: "salah.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByTestId("pesan-unggah")).toContainText("Tidak ada data yang disimpan");
  await expect(page.getByTestId("pemisah-unggah")).toHaveText("Pemisah kolom: titik koma (;)");
  await expect(page.getByTestId("daftar-kesalahan").locator("li")).toHaveCount(3);
  expect(await cardText(page, desa)).toBe(before);

  await page.goto("/laporan/unggah");
  // Over 10 MB: refused in the browser before anything is sent.
  let posts = 0;
  const countPosts = (r: { method(): string }) => void (r.method() === "POST" && posts++);
  page.on("request", countPosts);
  await page.getByLabel(/Berkas nilai/).setInputFiles({ name: "besar.csv", mimeType: "text/csv", buffer: Buffer.alloc(10.5 * 1024 * 1024, "9") });
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByTestId("pesan-unggah")).toHaveText("Berkas terlalu besar (maksimal 10 MB).");
  page.off("request", countPosts);
  expect(posts).toBe(0);
  const good = `kode_desa,tahun,bulan,indikator,nilai\n${desa},${tahun},${bulan},SPM-02,3\n${desa},${tahun},${bulan},SPM-04,2\n`;
  await page.getByLabel(/Berkas nilai/).setInputFiles({ name: "benar.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  // The picker speaks Indonesian (not the browser's "Choose File") and names the chosen file.
  await expect(page.getByText("Pilih berkas", { exact: true })).toBeVisible();
  await expect(page.getByTestId("nama-berkas")).toHaveText("benar.csv");
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByTestId("ringkasan-unggah")).toContainText("Baru");
  expect(await page.getByTestId("ringkasan-unggah").innerText()).toMatch(/Baru\s+2/);
  await expect(page.getByTestId("pemisah-unggah")).toHaveText("Pemisah kolom: koma (,)");
  // Two values of a month with no report: the report goes out with 2 of the indicators, and the preview says so.
  await expect(page.getByTestId("tidak-lengkap-unggah")).toContainText(`${desa} · `);
  await expect(page.getByTestId("tidak-lengkap-unggah")).toContainText("2 dari");
  await page.getByRole("button", { name: "Konfirmasi dan simpan" }).click();
  await expect(page.getByTestId("pesan-unggah")).toContainText("Data tersimpan");
  expect(realisasiOf(await cardText(page, desa))).toBe(realisasiOf(before) + 3);
});

test("bulk grid: Enter moves down, a block pasted from Excel fills the cells, one save writes every changed desa", async ({ page }) => {
  const { tahun, bulan } = periode();
  await login(page, "pkm.anyar@pantau.id");
  await expect(page.getByTestId("peran")).toBeVisible();
  await page.goto(`/laporan?tahun=${tahun}&bulan=${bulan}`);
  await page.getByRole("link", { name: /Isian cepat per klaster/ }).click();
  await page.getByRole("link", { name: /K3 · Usia Dewasa dan Lansia/ }).click();
  await expect(page).toHaveURL(/klaster=K3/);

  // Two neighbouring desa without a report this month (earlier tests submitted or locked some).
  const rows = page.locator('tr[data-testid^="grid-"]');
  const status = await rows.locator("th").allInnerTexts();
  const r0 = status.findIndex((s, i) => s.includes("Belum diisi") && status[i + 1]?.includes("Belum diisi"));
  expect(r0).toBeGreaterThanOrEqual(0);
  const cell = (r: number, c: number) => page.locator(`input[data-row="${r0 + r}"][data-col="${c}"]`);
  const first = cell(0, 0);
  await first.focus();
  await first.press("Enter");
  await expect(cell(1, 0)).toBeFocused();

  // Excel puts a copied block on the clipboard as tab-separated lines.
  await first.evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", "11\t12\r\n21\t-22\r\n");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(cell(0, 0)).toHaveValue("11");
  await expect(cell(0, 1)).toHaveValue("12");
  await expect(cell(1, 0)).toHaveValue("21");
  await expect(cell(1, 1)).toHaveValue("-22");

  // One wrong cell: nothing is saved, the error sits beside the cell, typed values stay.
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(page.getByTestId("pesan-grid")).toContainText("Tidak ada yang disimpan");
  await expect(cell(1, 1)).toHaveAttribute("aria-invalid", "true");
  await expect(cell(0, 0)).toHaveValue("11");
  await cell(1, 1).fill("22");
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(page.getByTestId("pesan-grid")).toContainText("2 laporan desa tersimpan");

  // Reloaded from the database: the values are there, both desa are drafts.
  await page.reload();
  await expect(cell(0, 0)).toHaveValue("11");
  await expect(cell(1, 1)).toHaveValue("22");
  await expect(rows.nth(r0)).toContainText("Draf");
  await expect(rows.nth(r0 + 1)).toContainText("Draf");
});
