/* global fetch -- Node 20 has it; no module exports it. */
// `npm start`: builds the extension and opens examples/ in VS Code in the browser (code-server
// on 127.0.0.1) with Layerwise loaded in development mode. Runs until Ctrl-C.
//
//   node scripts/vscode/start.mjs [--folder PATH] [--no-build] [--check]
//
// --check opens the printed URL in headless Chromium, saves test-results/start.png and exits:
// proof that `npm start` serves a working workbench.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { URL } from 'node:url';
import { parseArgs } from 'node:util';
import { openBrowserPage } from './browser.mjs';
import {
  PROJECT_ROOT,
  buildWorkbenchUrl,
  checkCodeServer,
  startCodeServer,
  toRemoteUri,
} from './code-server.mjs';

const { values: options } = parseArgs({
  options: {
    folder: { type: 'string', default: join(PROJECT_ROOT, 'examples') },
    'no-build': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});

async function main() {
  if (!options['no-build']) run('npm', ['run', 'build']);
  if (checkCodeServer().length > 0) {
    run(process.execPath, [join(PROJECT_ROOT, 'scripts', 'vscode', 'install-code-server.mjs')]);
  }

  // The user's settings, layout and open editors survive restarts, unlike a test run's.
  const runDir = join(PROJECT_ROOT, '.cache', 'start');
  mkdirSync(runDir, { recursive: true });
  const folder = resolve(options.folder);
  const server = await startCodeServer({ folder, runDir });
  const url = buildWorkbenchUrl(server.url, folder, {
    extensionDevelopmentPath: toRemoteUri(PROJECT_ROOT),
  });

  if (options.check) {
    const passed = await checkWorkbench(url);
    await server.stop();
    process.exit(passed ? 0 : 1);
  }

  console.log(`\nLayerwise in VS Code, on ${folder}:\n\n  ${url}\n\nPress Ctrl-C to stop.`);
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await server.stop();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => {
    if (stopping) return;
    console.error(`code-server stopped by itself (exit code ${code})`);
    process.exit(code ?? 1);
  });
}

async function checkWorkbench(url) {
  const health = await fetch(new URL('/healthz', url));
  console.log(`GET /healthz: ${health.status} ${await health.text()}`);

  const { browser, page } = await openBrowserPage();
  try {
    await page.goto(url);
    // The title shows once the workbench has loaded the development extension.
    await page.waitForFunction("document.title.includes('Extension Development Host')", null, {
      timeout: 60_000,
    });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3_000);
    const path = join(PROJECT_ROOT, 'test-results', 'start.png');
    mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path });
    console.log(`workbench title: ${await page.title()}\nscreenshot: ${path}`);
    return health.ok;
  } catch (error) {
    console.error(`the workbench did not load: ${error instanceof Error ? error.message : error}`);
    return false;
  } finally {
    await browser.close();
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: PROJECT_ROOT });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await main();
