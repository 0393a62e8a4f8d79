// Headless Debian Chromium through playwright-core: never a downloaded browser.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.LAYERWISE_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: apt-get install -y chromium (or set LAYERWISE_CHROMIUM)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** Opens a page of `width` x `height` in a fresh context of `browser` (no shared storage). */
export async function openPage(
  browser,
  { width = 1440, height = 900, colorScheme = 'light' } = {},
) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  return context.newPage();
}

/** Launches Chromium and opens one page of `width` x `height`. */
export async function openBrowserPage(viewport = {}) {
  const browser = await launchBrowser();
  const page = await openPage(browser, viewport);
  return { browser, page };
}
