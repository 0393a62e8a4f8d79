// Checks that the `browser` entry works in VS Code for the Web: a copy of the extension with no
// `main` (so VS Code must run it in the web worker extension host) is loaded into code-server,
// a privileged Pod is opened, and the check waits for Layerwise's squiggle and Problems entry.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowserPage } from './vscode/browser.mjs';
import {
  PROJECT_ROOT,
  buildWorkbenchUrl,
  startCodeServer,
  toRemoteUri,
} from './vscode/code-server.mjs';

const TIMEOUT_MS = 90_000;
const FILE = 'privileged-pod.yaml';

/** The extension as a web-only package: the browser bundle, the panel's files and the docs. */
function copyWebOnlyExtension(folder) {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
  delete manifest.main;
  mkdirSync(join(folder, 'dist'), { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const path of ['dist/web', 'dist/webview', 'docs/rules', 'media']) {
    cpSync(join(PROJECT_ROOT, path), join(folder, path), { recursive: true });
  }
}

async function main() {
  const runDir = mkdtempSync(join(tmpdir(), 'layerwise-web-'));
  const extension = join(runDir, 'extension');
  const workspace = join(runDir, 'workspace');
  copyWebOnlyExtension(extension);
  cpSync(join(PROJECT_ROOT, 'test/integration/workspace'), workspace, { recursive: true });

  const server = await startCodeServer({ folder: workspace, runDir });
  const { browser, page } = await openBrowserPage();
  try {
    const url = buildWorkbenchUrl(server.url, workspace, {
      extensionDevelopmentPath: toRemoteUri(extension),
      skipWelcome: 'true',
    });
    await page.goto(url);
    const row = (label) => `.explorer-folders-view .monaco-list-row[aria-label^="${label}"]`;
    await page.click(row('diagnostics'), { timeout: TIMEOUT_MS });
    await page.click(row(FILE), { timeout: TIMEOUT_MS });
    await page.waitForSelector('.squiggly-error', { timeout: TIMEOUT_MS });
    await page.keyboard.press('Control+Shift+M');
    const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'Layerwise' });
    await marker.first().waitFor({ timeout: TIMEOUT_MS });
    const text = await marker.first().textContent();
    mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(PROJECT_ROOT, 'test-results', 'web-extension.png') });
    if (!text?.includes('privileged')) throw new Error(`unexpected Problems entry: ${text}`);
    console.log(`web extension host: ${FILE} reported "${text.trim().slice(0, 80)}..."`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`web extension check failed: ${error.message}`);
  process.exit(1);
});
