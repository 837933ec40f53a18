import fs from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import type { Session } from "./http";

// Debian's chromium (browsers cannot be downloaded here), for what only a browser shows: pages whose
// content React renders on the client, such as the error boundary.

const EXECUTABLE = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: EXECUTABLE, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
}

/** Visible text of a page opened with the session's cookies, once `waitFor` appears (or after 10 s). */
export async function visibleText(browser: Browser, session: Session, pathname: string, waitFor: string): Promise<{ text: string; status: number | null; ms: number }> {
  const context = await browser.newContext({ locale: "id-ID" });
  const url = new URL(session.base);
  await context.addCookies([...session.cookies].map(([name, value]) => ({ name, value, domain: url.hostname, path: "/" })));
  const page = await context.newPage();
  const started = performance.now();
  try {
    const response = await page.goto(new URL(pathname, session.base).href);
    await page.getByText(waitFor).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    return { text: await page.locator("body").innerText(), status: response?.status() ?? null, ms: performance.now() - started };
  } finally {
    await context.close();
  }
}
