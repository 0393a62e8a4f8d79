// `npm run start:desktop`: builds the extension and opens examples/ in desktop VS Code (`code` on
// the PATH) with Layerwise loaded in development mode. Runs until that window closes or Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './code-server.mjs';

const CODE = process.env.LAYERWISE_CODE ?? 'code';

function main() {
  const probe = spawnSync(CODE, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.error(`'${CODE}' is not on the PATH: install VS Code and its 'code' command`);
    console.error('(Command Palette: "Shell Command: Install \'code\' command in PATH"),');
    console.error('or run VS Code in the browser instead: npm start');
    process.exit(1);
  }

  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: PROJECT_ROOT });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const examples = join(PROJECT_ROOT, 'examples');
  console.log(`opening ${examples} in VS Code ${probe.stdout.split('\n')[0]}`);
  const child = spawn(
    CODE,
    ['--new-window', '--wait', `--extensionDevelopmentPath=${PROJECT_ROOT}`, examples],
    { stdio: 'inherit' },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
}

main();
