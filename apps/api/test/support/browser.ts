import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestApi } from './test-server';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Debian's Chromium, headless, as the test machine has it (npm test installs it with apt when missing). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** A browser context that trusts the test server (its CA is private) and a page logged in as `user`. */
export async function loggedIn(browser: Browser, api: TestApi, user: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: api.url, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/ui/login/');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/ui/overview/');
  return { context, page };
}
