// Installs code-server into .cache/code-server without reaching anything but the npm registry.
// Skipped when the cache is present and its smoke check passes; `--force` reinstalls.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CACHE_DIR,
  CODE_SERVER_VERSION,
  NATIVE_ADDONS,
  PACKAGE_DIR,
  VSCODE_DIR,
  checkCodeServer,
} from './code-server.mjs';

// npm ships node-gyp; with --nodedir it uses the headers of the system Node instead of
// downloading them.
const NODE_GYP = join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp');
const NODE_DIR = join(dirname(process.execPath), '..');

function main() {
  const started = Date.now();
  const force = process.argv.includes('--force');
  if (!force && existsSync(PACKAGE_DIR) && checkCodeServer().length === 0) {
    console.log(`code-server ${CODE_SERVER_VERSION} is ready in ${CACHE_DIR}`);
    return;
  }
  checkPrerequisites();

  rmSync(CACHE_DIR, { recursive: true, force: true });
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(
    join(CACHE_DIR, 'package.json'),
    JSON.stringify({ name: 'layerwise-code-server-cache', private: true }, null, 2),
  );

  // Install scripts are skipped: code-server's would download ripgrep from GitHub.
  step('install code-server', 'npm', npmInstall(`code-server@${CODE_SERVER_VERSION}`), CACHE_DIR);
  step('build argon2', 'npm', ['rebuild', 'argon2', '--no-audit', '--no-fund'], CACHE_DIR);
  step('install VS Code server dependencies', 'npm', npmInstall(), VSCODE_DIR);
  for (const addon of NATIVE_ADDONS) {
    const folder = join(VSCODE_DIR, 'node_modules', addon);
    const args = [
      join(NODE_GYP, 'bin', 'node-gyp.js'),
      'rebuild',
      '--jobs=max',
      `--nodedir=${NODE_DIR}`,
    ];
    step(`build ${addon}`, process.execPath, args, folder);
  }

  link('/usr/bin/rg', join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
  // What code-server's postinstall would have done.
  link('node_modules', join(VSCODE_DIR, 'node_modules.asar'));
  link('code-linux.sh', join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'));
  step('install built-in extensions', 'npm', npmInstall(), join(VSCODE_DIR, 'extensions'));

  const problems = checkCodeServer();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`smoke check: ${problem}`);
    process.exit(1);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`code-server ${CODE_SERVER_VERSION} installed in ${CACHE_DIR} (${seconds} s)`);
}

function checkPrerequisites() {
  const missing = [];
  if (!existsSync('/usr/bin/rg')) missing.push('ripgrep');
  if (!existsSync(join(NODE_DIR, 'include', 'node', 'node.h'))) missing.push("Node's headers");
  if (!existsSync(NODE_GYP)) missing.push(`npm's node-gyp (${NODE_GYP})`);
  if (missing.length === 0) return;
  console.error(`cannot install code-server: missing ${missing.join(', ')}`);
  console.error('on Debian: apt-get install -y ripgrep nodejs npm');
  process.exit(1);
}

function npmInstall(...packages) {
  return ['install', ...packages, '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'];
}

function step(title, command, args, cwd) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_nodedir: NODE_DIR, npm_config_update_notifier: 'false' },
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    console.error(`failed: ${title} (${command} ${args.join(' ')} in ${cwd})`);
    process.exit(1);
  }
  console.log(`${title}: ${Date.now() - started} ms`);
}

function link(target, path) {
  if (existsSync(path) || isSymlink(path)) rmSync(path, { recursive: true, force: true });
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

main();
