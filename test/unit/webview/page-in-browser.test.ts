// The panel's real page and bundle in headless Chromium, under the real CSP, with a stand-in
// for VS Code's webview host. Skips when Chromium is not installed.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PanelData } from '../../../src/protocol/panel-data.js';
import { buildPanelBundle, writePanelPage } from './browser-page.js';
import { finding, keyOf, MARKUP_NAME, sampleData, workload } from './sample-data.js';

const CHROMIUM = process.env.LAYERWISE_CHROMIUM ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed`;

function hostileData(): PanelData {
  const data = sampleData();
  const id = `Deployment/default/${MARKUP_NAME}`;
  data.workloads.push(workload({ id, name: MARKUP_NAME, roles: ['<b>x</b>'] }));
  data.findings.push(
    finding({ ruleId: 'privileged', message: '<script>alert(2)</script>', workload: id }),
  );
  return data;
}

describe('the panel page in Chromium', { skip }, () => {
  let browser: Browser;
  let folder: string;
  const problems: string[] = [];

  before(async () => {
    folder = await buildPanelBundle();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access'],
    });
  });
  after(async () => browser?.close());

  async function open(data: PanelData, savedState?: unknown): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(writePanelPage(folder, data, 'light', savedState));
    await page.waitForSelector('article.card');
    return page;
  }

  it('draws a card per workload, file content as text, and nothing runs', async () => {
    const page = await open(hostileData());
    assert.equal(await page.locator('article.card').count(), 5);
    assert.equal(await page.locator('section.box').count(), 3);
    const names = await page.locator('.card .name').allTextContents();
    assert.ok(names.includes(MARKUP_NAME), names.join(', '));
    const messages = await page.locator('.finding .message').allTextContents();
    assert.ok(messages.includes('<script>alert(2)</script>'));
    assert.equal(await page.locator('#root img, #root script, #root b').count(), 0);
    assert.match((await page.locator('.summary').textContent()) ?? '', /5 workloads/);
    // The style sheet loaded under the CSP.
    const radius = await page
      .locator('section.box')
      .first()
      .evaluate((box) => {
        return getComputedStyle(box).borderTopLeftRadius;
      });
    assert.equal(radius, '6px');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('sends typed messages for reveal and apply fix', async () => {
    const page = await open(sampleData());
    await page.getByRole('button', { name: 'Apply fix: Pin to the dedicated pool' }).click();
    await page.getByRole('button', { name: 'Reveal Deployment payments/api in editor' }).click();
    const sent = await page.evaluate(() => (window as unknown as { sent: unknown[] }).sent);
    assert.deepEqual(sent.slice(1), [
      { type: 'applyFix', key: 'k1' },
      {
        type: 'reveal',
        path: 'file:///work/app.yaml',
        range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } },
      },
    ]);
    assert.deepEqual(sent[0], { type: 'ready' });
    await page.close();
  });

  it('filters, moves by keyboard, and keeps options and selection in its state', async () => {
    const page = await open(sampleData());
    await page.getByRole('searchbox', { name: 'Filter workloads' }).fill('job');
    await page.waitForFunction(() => document.querySelectorAll('article.card').length === 2);

    await page.locator('article.card').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const selected = await page
      .locator('article.card[aria-current="true"]')
      .getAttribute('data-key');
    assert.equal(selected, keyOf('Job/ci/runner', 'file:///work/ci.yaml'));
    const state = await page.evaluate(
      () => (window as unknown as { savedState: unknown }).savedState,
    );
    assert.deepEqual(state, {
      options: { scope: 'workspace', groupBy: 'pool', filter: 'job' },
      selectedKey: keyOf('Job/ci/runner', 'file:///work/ci.yaml'),
      scrollY: 0,
    });
    await page.close();

    const restored = await open(sampleData(), state);
    assert.equal(await restored.getByRole('searchbox').inputValue(), 'job');
    assert.equal(await restored.locator('article.card').count(), 2);
    const again = await restored
      .locator('article.card[aria-current="true"]')
      .getAttribute('data-key');
    assert.equal(again, keyOf('Job/ci/runner', 'file:///work/ci.yaml'));
    // Once the filter is cleared, the selected card's neighbour on the same nodes is marked.
    await restored.getByRole('searchbox').fill('');
    await restored.waitForFunction(() => document.querySelectorAll('article.card').length === 4);
    const linked = await restored.locator('article.card.linked').getAttribute('data-key');
    assert.equal(linked, keyOf('Deployment/payments/api'));
    await restored.close();
  });

  it('comes back at the scroll position it saved', async () => {
    const data = sampleData();
    for (let i = 0; i < 60; i += 1) data.workloads.push(workload({ id: `Deployment/a/w${i}` }));
    const state = { options: { scope: 'workspace', groupBy: 'pool', filter: '' }, scrollY: 900 };
    const page = await open(data, { ...state, selectedKey: null });
    const [scrollY, height] = await page.evaluate(() => [
      window.scrollY,
      document.documentElement.scrollHeight,
    ]);
    assert.ok(height > 900 + 800, `the page is only ${height} px high`);
    assert.equal(scrollY, 900);
    await page.close();
  });

  it('draws 500 workloads in well under a second', async () => {
    const data = sampleData();
    for (let i = 0; i < 500; i += 1) {
      data.workloads.push(
        workload({
          id: `Deployment/team-${i % 25}/service-${i}`,
          roles: ['service'],
          colocatedWith: [keyOf('Deployment/team-0/service-0')],
        }),
      );
    }
    const page = await open(data);
    assert.equal(await page.locator('article.card').count(), 504);
    const milliseconds = await page.evaluate(async () => {
      const select = document.querySelectorAll('select')[1] as HTMLSelectElement;
      const started = performance.now();
      select.value = 'namespace';
      select.dispatchEvent(new Event('change'));
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      return performance.now() - started;
    });
    assert.ok(milliseconds < 1000, `regrouping took ${milliseconds} ms`);
    assert.equal(await page.locator('section.box-namespace').count(), 29);
    await page.close();
  });
});
