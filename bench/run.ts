// `npm run bench`: runs each section in its own Node process (so each peak memory figure is
// that section's), then prints every figure with its baseline and ratio.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import type { Figure } from './measure.js';

const SECTIONS = ['throughput', 'keystroke', 'workspace', 'extension', 'peers'];

interface SectionResult {
  figures: Figure[];
  peakMiB: number | undefined;
  skipped: string[];
  seconds: number;
}

function runSection(section: string): SectionResult {
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', `bench/${section}.ts`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const result: SectionResult = { figures: [], peakMiB: undefined, skipped: [], seconds: 0 };
  for (const line of child.stdout.split('\n')) {
    if (line.startsWith('FIGURE ')) result.figures.push(JSON.parse(line.slice(7)) as Figure);
    if (line.startsWith('MEMORY ')) {
      result.peakMiB = (JSON.parse(line.slice(7)) as { peakMiB: number }).peakMiB;
    }
    if (line.startsWith('SKIP ')) result.skipped.push(line.slice(5));
  }
  if (child.status !== 0) result.skipped.push(`${section} failed with exit code ${child.status}`);
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

function formatFigure(figure: Figure): string {
  const goal = figure.goal ? ` goal ${figure.goal}: ${figure.met ? 'met' : 'NOT MET'}` : '';
  const note = figure.note ? ` (${figure.note})` : '';
  return (
    `  ${figure.name}\n` +
    `    ${figure.ms} vs ${figure.baselineMs} ${figure.baseline} = ratio ${figure.ratio}` +
    `${goal}${note}`
  );
}

function main(): number {
  const only = process.argv.slice(2);
  const sections = only.length > 0 ? SECTIONS.filter((name) => only.includes(name)) : SECTIONS;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `Layerwise bench, ${new Date().toISOString()}, Node ${process.version}, ` +
      `${cpus().length} x ${cpu}\n` +
      'Times are CPU milliseconds of the measuring process, except peers (wall-clock).\n',
  );
  let failed = false;
  for (const section of sections) {
    const result = runSection(section);
    const memory =
      result.peakMiB === undefined ? '' : `, peak RSS ${Math.round(result.peakMiB)} MiB`;
    process.stdout.write(`\n${section} (${result.seconds.toFixed(0)} s${memory})\n`);
    for (const figure of result.figures) process.stdout.write(`${formatFigure(figure)}\n`);
    for (const reason of result.skipped) process.stdout.write(`  skipped: ${reason}\n`);
    failed ||= result.skipped.some((reason) => reason.includes('failed'));
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
