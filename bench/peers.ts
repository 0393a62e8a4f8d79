// Peers: the Layerwise command line and yamllint on the same files, each as a whole process,
// so both pay their start-up. yamllint is the Debian package many teams already run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateManifest, generateWorkspace } from './corpus.js';
import { emit, median, round } from './measure.js';

const CLI = join('dist', 'cli.js');

/** Writes the corpus: a generated manifest of 300 objects, the realistic ones, 200 small files. */
function writeCorpus(folder: string): string[] {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const paths: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    paths.push(path);
  };
  write('large.yaml', generateManifest(42, 300));
  for (const name of readdirSync(join('bench', 'manifests')).sort()) {
    write(name, readFileSync(join('bench', 'manifests', name), 'utf8'));
  }
  generateWorkspace(3, 200).forEach((file, index) => write(`small-${index}.yaml`, file.text));
  return paths;
}

/** Median wall-clock milliseconds of a command, and its last exit status. */
function timeCommand(
  command: string,
  args: string[],
  runs: number,
): { ms: number; status: number } {
  const samples: number[] = [];
  let status = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(performance.now() - started);
    status = result.status ?? -1;
    if (result.error) throw result.error;
  }
  return { ms: median(samples), status };
}

function main(): void {
  const yamllint = spawnSync('yamllint', ['--version'], { encoding: 'utf8' });
  if (yamllint.status !== 0) {
    process.stdout.write('SKIP peers: yamllint is not installed (apt-get install -y yamllint)\n');
    return;
  }
  if (!existsSync(CLI)) {
    process.stdout.write(`SKIP peers: ${CLI} is missing; run npm run build\n`);
    return;
  }
  const folder = join(tmpdir(), 'layerwise-bench-peers');
  const paths = writeCorpus(folder);
  const bytes = paths.reduce((sum, path) => sum + readFileSync(path).length, 0);

  // yamllint reads about 50 KB a second here, so one run of it is all the time budget allows.
  const peer = timeCommand('yamllint', ['-f', 'parsable', ...paths], 1);
  const ours = timeCommand(process.execPath, [CLI, ...paths], 3);
  const ratio = ours.ms / peer.ms;
  emit({
    section: 'peers',
    name: `layerwise CLI, ${paths.length} files, ${round(bytes / 1e6, 1)} MB`,
    ms: round(ours.ms),
    baseline: `${yamllint.stdout.trim()} (default rules)`,
    baselineMs: round(peer.ms),
    ratio: round(ratio),
    note: `exit codes: layerwise ${ours.status}, yamllint ${peer.status}`,
  });
  rmSync(folder, { recursive: true, force: true });
}

main();
