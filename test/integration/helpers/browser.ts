// Requests the browser runner fulfils while the suite waits: screenshots of the workbench and
// evaluations inside a webview's document. Only the code-server run has a browser runner; under
// @vscode/test-electron `hasBrowserRunner()` is false and such tests skip themselves.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSER_REQUEST_MARKER } from './markers.js';

/** What the suite can ask the browser runner to do. */
export type BrowserRequest =
  | { action: 'screenshot'; name: string }
  | { action: 'press'; key: string }
  | { action: 'workbench-evaluate'; expression: string }
  | { action: 'webview-evaluate'; selector: string; expression: string };

/** True when a browser runner answers requests (the code-server run). */
export function hasBrowserRunner(): boolean {
  return Boolean(process.env.LAYERWISE_BROWSER_DIR);
}

/**
 * Asks the runner for a Playwright screenshot of the whole workbench, saved as
 * `test-results/screenshots/<name>.png`. Call it once the view is ready.
 */
export async function takeScreenshot(name: string): Promise<void> {
  await sendBrowserRequest({ action: 'screenshot', name });
}

/**
 * Evaluates `expression` (a function source, run with no arguments) in the first webview
 * document that contains `selector`, waiting for one to appear; returns its JSON result.
 */
export async function evaluateInWebview<T>(selector: string, expression: string): Promise<T> {
  return (await sendBrowserRequest({ action: 'webview-evaluate', selector, expression })) as T;
}

/** Presses a key in the workbench as a person would (Playwright key names: `Escape`). */
export async function pressKey(key: string): Promise<void> {
  await sendBrowserRequest({ action: 'press', key });
}

/** Evaluates `expression` (a function source) in the workbench page; returns its JSON result. */
export async function evaluateInWorkbench<T>(expression: string): Promise<T> {
  return (await sendBrowserRequest({ action: 'workbench-evaluate', expression })) as T;
}

async function sendBrowserRequest(request: BrowserRequest, timeoutMs = 20_000): Promise<unknown> {
  const folder = process.env.LAYERWISE_BROWSER_DIR;
  if (!folder) throw new Error('no browser runner: check hasBrowserRunner() first');

  // Each suite file is its own bundle with its own copy of this module: ids must not repeat
  // across them, or a request would read another's answer.
  const id = randomUUID();
  console.log(`${BROWSER_REQUEST_MARKER} ${JSON.stringify({ id, ...request })}`);

  const answerFile = join(folder, `${id}.json`);
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(answerFile)) {
    if (Date.now() > deadline) throw new Error(`browser runner did not answer ${request.action}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answer = JSON.parse(readFileSync(answerFile, 'utf8')) as {
    error?: string;
    value?: unknown;
  };
  if (answer.error) throw new Error(`browser runner: ${answer.error}`);
  return answer.value;
}
