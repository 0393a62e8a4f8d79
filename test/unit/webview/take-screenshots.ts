// Screenshots of the panel's page in the light, dark and high contrast themes, for a person to
// look at: `npx tsx test/unit/webview/take-screenshots.ts` writes test-results/panel-<theme>.png.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { buildPanelBundle, writePanelPage, type Theme } from './browser-page.js';
import { sampleData } from './sample-data.js';

async function main(): Promise<void> {
  const folder = await buildPanelBundle();
  mkdirSync('test-results', { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.LAYERWISE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    for (const theme of ['light', 'dark', 'high-contrast'] as Theme[]) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(writePanelPage(folder, sampleData(), theme));
      await page.waitForSelector('article.card');
      await page.locator('article.card').first().focus();
      await page.screenshot({ path: `test-results/panel-${theme}.png`, fullPage: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
