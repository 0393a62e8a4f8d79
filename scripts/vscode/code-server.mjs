/* global fetch -- Node 20 has it; no module exports it. */
// Where code-server lives in the cache, and how to start a throw-away one for a run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { URLSearchParams, fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = join(PROJECT_ROOT, '.cache', 'code-server');
export const PACKAGE_DIR = join(CACHE_DIR, 'node_modules', 'code-server');
export const VSCODE_DIR = join(PACKAGE_DIR, 'lib', 'vscode');
export const BINARY = join(PACKAGE_DIR, 'out', 'node', 'entry.js');

/** Native addons of VS Code's server, built against the system Node's headers. */
export const NATIVE_ADDONS = ['@vscode/spdlog', 'native-watchdog', 'node-pty', '@vscode/deviceid'];

/** Settings for a fresh user: nothing opens at start-up, nothing phones home. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  // code-server saves after a delay by default; desktop VS Code does not, and an auto-save
  // skips the save actions ("explicit") that the suite tests.
  'files.autoSave': 'off',
};

/**
 * Checks that code-server in the cache starts: every native addon loads and `--version` answers.
 * Returns a list of problems, empty when the install is usable.
 */
export function checkCodeServer() {
  if (!existsSync(BINARY)) return [`${BINARY} is missing`];

  const problems = [];
  const modules = [[PACKAGE_DIR, 'argon2'], ...NATIVE_ADDONS.map((name) => [VSCODE_DIR, name])];
  for (const [folder, name] of modules) {
    const loaded = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(name)})`], {
      cwd: folder,
      encoding: 'utf8',
    });
    if (loaded.status !== 0) problems.push(`${name} does not load: ${lastLine(loaded.stderr)}`);
  }

  const config = join(mkdtempSync(join(tmpdir(), 'layerwise-cs-')), 'config.yaml');
  writeFileSync(config, '');
  const version = spawnSync(process.execPath, [BINARY, '--config', config, '--version'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    problems.push(`code-server --version failed: ${lastLine(version.stderr || version.stdout)}`);
  }
  return problems;
}

/** Asks the system for a free TCP port on the loopback address. */
export function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 with a fresh user-data-dir in `runDir`, and waits until it
 * answers /healthz. `settings` are added to the fresh user's settings.json.
 */
export async function startCodeServer({ folder, runDir, settings = {}, log = () => {} }) {
  const port = await findFreePort();
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  const config = join(runDir, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(config, '');
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2),
  );

  const args = [
    BINARY,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    folder,
  ]; // prettier-ignore
  const child = spawn(process.execPath, args, {
    env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (chunk) => log(String(chunk)));
  child.stderr.on('data', (chunk) => log(String(chunk)));

  const url = `http://127.0.0.1:${port}`;
  const server = { url, port, child, stop: () => stopProcessGroup(child) };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitForHealth(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/** Stops code-server and everything it started (extension host, file watcher, pty host). */
function stopProcessGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killer);
      signalGroup(child, 'SIGKILL');
      done();
    });
    signalGroup(child, 'SIGTERM');
  });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** The payload URL parameter that VS Code's web test hooks read. */
export function buildWorkbenchUrl(serverUrl, folder, payload) {
  const entries = Object.entries(payload).map(([key, value]) => [key, value]);
  const query = new URLSearchParams({ folder });
  query.set('payload', JSON.stringify(entries));
  return `${serverUrl}/?${query.toString()}`;
}

/** A path on the code-server machine as the URI the workbench expects in a payload. */
export function toRemoteUri(path) {
  return `vscode-remote://remote${encodeURI(path)}`;
}

function lastLine(text) {
  return (text ?? '').trim().split('\n').slice(-1)[0] ?? '';
}
