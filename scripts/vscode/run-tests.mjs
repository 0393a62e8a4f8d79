// Runs the real-editor suite (test/integration) inside code-server's extension host, driven by
// headless Chromium. Its last line is `N passed, N failed` for CI.
//
//   node scripts/vscode/run-tests.mjs [--grep TEXT] [--timeout SECONDS] [--update-screenshots]
//                                     [--extension PATH] [--keep]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { format, parseArgs } from 'node:util';
import { openBrowserPage } from './browser.mjs';
import { TESTS_ENTRY, buildTests, copyFixtureWorkspace } from './build-tests.mjs';
import {
  PROJECT_ROOT,
  buildWorkbenchUrl,
  checkCodeServer,
  startCodeServer,
  toRemoteUri,
} from './code-server.mjs';

const SUMMARY_MARKER = '[layerwise:summary]';
const BROWSER_REQUEST_MARKER = '[layerwise:browser]';
// Workbench chatter that says nothing about the suite; shown with --verbose.
const WORKBENCH_NOISE = [
  'Resolving connection token',
  'Resolved connection token',
  'Creating a socket',
  'Ignoring fetching additional builtin',
  '[Service Worker]',
  'ChatSessionStore',
  'Updating additional builtin',
  'Creation of workbench contribution',
];
const RESULTS_DIR = join(PROJECT_ROOT, 'test-results');
const SCREENSHOTS_DIR = join(RESULTS_DIR, 'screenshots');
const DOCS_IMAGES_DIR = join(PROJECT_ROOT, 'docs', 'images');

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    timeout: { type: 'string', default: '600' },
    extension: { type: 'string', default: PROJECT_ROOT },
    'update-screenshots': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

async function main() {
  const started = Date.now();
  ensureCodeServer();
  const suiteFiles = await buildTests();
  console.log(`built ${suiteFiles} suite files`);

  const runDir = mkdtempSync(join(tmpdir(), 'layerwise-it-'));
  const workspace = copyFixtureWorkspace(runDir);
  const browserDir = join(runDir, 'browser');
  mkdirSync(browserDir);
  rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });

  // The extension host inherits code-server's environment: that is how the suite finds the
  // browser runner and the grep.
  process.env.LAYERWISE_BROWSER_DIR = browserDir;
  if (options.grep) process.env.LAYERWISE_TEST_GREP = options.grep;

  const serverLog = [];
  const result = { exitCode: undefined, summary: undefined, screenshots: [] };
  let server;
  let browser;
  try {
    server = await startCodeServer({ folder: workspace, runDir, log: (t) => serverLog.push(t) });
    console.log(`code-server on ${server.url} (${Date.now() - started} ms)`);
    ({ browser } = await runSuite(server, workspace, browserDir, result));
  } catch (error) {
    console.error(`integration run failed: ${error instanceof Error ? error.message : error}`);
    if (serverLog.length > 0) console.error(`code-server output:\n${serverLog.join('')}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!options.keep) rmSync(runDir, { recursive: true, force: true });
    else console.log(`kept ${runDir}`);
  }

  if (options['update-screenshots']) copyScreenshotsToDocs(result.screenshots);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`integration suite finished in ${seconds} s with exit code ${result.exitCode}`);
  console.log(closingLine(result));
  process.exit(result.exitCode === 0 && result.summary?.failed === 0 ? 0 : 1);
}

function ensureCodeServer() {
  if (checkCodeServer().length === 0) return;
  const install = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'scripts', 'vscode', 'install-code-server.mjs')],
    { stdio: 'inherit' },
  );
  if (install.status !== 0) process.exit(install.status ?? 1);
}

async function runSuite(server, workspace, browserDir, result) {
  const { browser, page } = await openBrowserPage();
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));

  await page.exposeFunction('codeAutomationLog', (type, message) => {
    const text = Array.isArray(message) ? format(...message) : String(message);
    for (const line of text.split('\n')) {
      handleLine(line, type, page, browserDir, result);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));

  const url = buildWorkbenchUrl(server.url, workspace, {
    extensionDevelopmentPath: toRemoteUri(options.extension),
    extensionTestsPath: toRemoteUri(TESTS_ENTRY),
    skipWelcome: 'true',
    skipReleaseNotes: 'true',
  });
  await page.goto(url);

  const timeoutMs = Number(options.timeout) * 1000;
  let timer;
  const timedOut = new Promise(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
  );
  const outcome = await Promise.race([finished, timedOut]);
  clearTimeout(timer);

  if (outcome === 'timeout') {
    console.error(`the suite did not finish within ${options.timeout} s`);
    await page.screenshot({ path: join(RESULTS_DIR, 'timeout.png') }).catch(() => {});
    result.exitCode = 1;
  } else {
    result.exitCode = outcome;
  }
  return { browser };
}

function handleLine(line, type, page, browserDir, result) {
  const summaryAt = line.indexOf(SUMMARY_MARKER);
  if (summaryAt >= 0) {
    result.summary = parseSummary(line.slice(summaryAt + SUMMARY_MARKER.length));
    return;
  }
  const requestAt = line.indexOf(BROWSER_REQUEST_MARKER);
  if (requestAt >= 0) {
    const request = JSON.parse(line.slice(requestAt + BROWSER_REQUEST_MARKER.length));
    void answerBrowserRequest(request, page, browserDir, result);
    return;
  }
  if (!options.verbose && WORKBENCH_NOISE.some((noise) => line.startsWith(noise))) return;
  console.log(type === 'error' ? `[error] ${line}` : line);
}

async function answerBrowserRequest(request, page, browserDir, result) {
  let answer;
  try {
    answer = { value: await fulfil(request, page, result) };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  // Written then renamed, so the suite never reads half a file.
  const file = join(browserDir, `${String(request.id).replace(/[^a-zA-Z0-9-]/g, '')}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(answer ?? { value: null }));
  renameSync(`${file}.tmp`, file);
}

async function fulfil(request, page, result) {
  if (request.action === 'screenshot') {
    if (!/^[a-z0-9-]+$/.test(request.name)) throw new Error(`bad screenshot name ${request.name}`);
    const path = join(SCREENSHOTS_DIR, `${request.name}.png`);
    await page.screenshot({ path });
    result.screenshots.push(path);
    console.log(`screenshot: ${path}`);
    return path;
  }
  if (request.action === 'press') {
    await page.keyboard.press(request.key);
    return null;
  }
  if (request.action === 'workbench-evaluate') {
    return page.evaluate(`(${request.expression})()`);
  }
  if (request.action === 'webview-evaluate') {
    return evaluateInWebviewFrame(page, request.selector, `(${request.expression})()`);
  }
  throw new Error(`unknown browser request ${request.action}`);
}

/**
 * Evaluates in the webview document that has `selector`. A webview that reloads between finding
 * its frame and evaluating in it detaches that frame; the frame is then looked up again.
 */
async function evaluateInWebviewFrame(page, selector, expression, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = await findFrame(page, selector, Math.max(deadline - Date.now(), 1_000));
    try {
      return await frame.evaluate(expression);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const gone = /detached|context was destroyed|Target closed/i.test(message);
      if (!gone || Date.now() > deadline) throw error;
      await sleep(200);
    }
  }
}

/** Webviews are nested iframes; finds the document that has `selector`, waiting for it. */
async function findFrame(page, selector, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$(selector).catch(() => null);
      if (found) return frame;
    }
    await sleep(200);
  }
  throw new Error(`no webview document has ${selector}`);
}

function parseSummary(text) {
  const match = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(text);
  if (!match) return undefined;
  return { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) };
}

function closingLine({ summary, exitCode }) {
  // No counts means the suite never got to report: it could not load, crashed or timed out.
  if (!summary) return '0 passed, 1 failed';
  const failed = exitCode !== 0 && summary.failed === 0 ? 1 : summary.failed;
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} skipped` : '';
  return `${summary.passed} passed, ${failed} failed${skipped}`;
}

function copyScreenshotsToDocs(paths) {
  mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
  for (const path of paths) {
    const target = join(DOCS_IMAGES_DIR, path.slice(SCREENSHOTS_DIR.length + 1));
    copyFileSync(path, target);
    console.log(`copied ${target}`);
  }
}

await main();
