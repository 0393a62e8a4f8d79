// Builds the production bundles and packs the extension into layerwise.vsix with @vscode/vsce;
// prints the package's size and its files so a stray inclusion shows at once.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const out = 'layerwise.vsix';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['scripts/build.mjs', '--production']);
run(process.execPath, [
  'node_modules/@vscode/vsce/vsce',
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--out',
  out,
]);
run(process.execPath, ['node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies']);
const kib = (statSync(out).size / 1024).toFixed(1);
console.log(`${out}: ${kib} KiB`);
