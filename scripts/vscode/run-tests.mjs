// Runs the real-editor suite (test/integration) inside code-server's extension host, driven by
// headless Chromium. Its last line is `N passed, N failed` for CI, the counts of all its parts.
//
//   node scripts/vscode/run-tests.mjs [--grep TEXT] [--timeout SECONDS] [--update-screenshots]
//                                     [--part suite|start-up] [--extension PATH] [--keep]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { format, parseArgs } from 'node:util';
import { launchBrowser, openPage } from './browser.mjs';
import {
  STARTUP_TESTS_ENTRY,
  TESTS_ENTRY,
  buildTests,
  copyFixtureWorkspace,
} from './build-tests.mjs';
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

/**
 * The parts of a run, one after another in the same code-server, each in a new page on a fresh
 * copy of its fixture folder: the suite, then the start-up part, whose workspace settings turn
 * the scan at start-up on and which reloads its window half-way.
 */
const PARTS = [
  { name: 'suite', fixture: 'workspace', entry: TESTS_ENTRY },
  { name: 'start-up', fixture: 'workspace-startup', entry: STARTUP_TESTS_ENTRY },
];

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    part: { type: 'string' },
    timeout: { type: 'string', default: '600' },
    extension: { type: 'string', default: PROJECT_ROOT },
    'update-screenshots': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

async function main() {
  const started = Date.now();
  const parts = PARTS.filter((part) => !options.part || part.name === options.part);
  if (parts.length === 0) throw new Error(`no part named ${options.part}`);
  ensureCodeServer();
  const testFiles = await buildTests();
  console.log(`built ${testFiles} test files`);

  const runDir = mkdtempSync(join(tmpdir(), 'layerwise-it-'));
  const workspaces = parts.map((part) => copyFixtureWorkspace(runDir, part.fixture));
  const browserDir = join(runDir, 'browser');
  mkdirSync(browserDir);
  rmSync(SCREENSHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });

  // The extension host inherits code-server's environment: that is how the suite finds the
  // browser runner and the grep.
  process.env.LAYERWISE_BROWSER_DIR = browserDir;
  if (options.grep) process.env.LAYERWISE_TEST_GREP = options.grep;

  const serverLog = [];
  const result = { exitCodes: [], summaries: [], screenshots: [] };
  let server;
  let browser;
  try {
    const folder = workspaces[0];
    server = await startCodeServer({ folder, runDir, log: (text) => serverLog.push(text) });
    console.log(`code-server on ${server.url} (${Date.now() - started} ms)`);
    browser = await launchBrowser();
    for (const [index, part] of parts.entries()) {
      const partStarted = Date.now();
      const exitCode = await runPart(browser, server, part, workspaces[index], browserDir, result);
      result.exitCodes.push(exitCode);
      const seconds = ((Date.now() - partStarted) / 1000).toFixed(1);
      console.log(`part ${part.name} finished in ${seconds} s with exit code ${exitCode}`);
    }
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
  const closing = closingCounts(result, parts.length);
  console.log(`integration suite finished in ${seconds} s`);
  console.log(closingLine(closing));
  process.exit(closing.failed === 0 && closing.passed > 0 ? 0 : 1);
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

/**
 * Opens the workbench on `workspace` with the part's test entry and waits until the suite
 * reports its exit code. A reload of the window (the start-up part's) reloads the page; the
 * exposed functions stay, and the entry runs again in the new extension host.
 */
async function runPart(browser, server, part, workspace, browserDir, result) {
  const page = await openPage(browser);
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
    extensionTestsPath: toRemoteUri(part.entry),
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

  let exitCode = outcome;
  if (outcome === 'timeout') {
    console.error(`part ${part.name} did not finish within ${options.timeout} s`);
    await page.screenshot({ path: join(RESULTS_DIR, `timeout-${part.name}.png`) }).catch(() => {});
    exitCode = 1;
  }
  await page
    .context()
    .close()
    .catch(() => {});
  return exitCode;
}

function handleLine(line, type, page, browserDir, result) {
  const summaryAt = line.indexOf(SUMMARY_MARKER);
  if (summaryAt >= 0) {
    const summary = parseSummary(line.slice(summaryAt + SUMMARY_MARKER.length));
    if (summary) result.summaries.push(summary);
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

/**
 * The counts of every part together. A part that exits non-zero without a failed test (it
 * could not load, crashed or timed out) counts as one failure; so does a run with no part.
 */
function closingCounts({ summaries, exitCodes }, partCount) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const summary of summaries) {
    total.passed += summary.passed;
    total.failed += summary.failed;
    total.skipped += summary.skipped;
  }
  const partsFailed = exitCodes.filter((code) => code !== 0).length;
  if (total.failed === 0 && (partsFailed > 0 || exitCodes.length < partCount)) {
    total.failed = Math.max(partsFailed, 1);
  }
  return total;
}

function closingLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
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
