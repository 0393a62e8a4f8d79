// Extension: bundle size and activation cost of dist/extension.js, against a bundle of the
// `yaml` package alone (the one thing the extension cannot do without), built in the same run.
// Activation runs against a recording stand-in for the `vscode` module, to show that it opens
// and reads no file.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { emit, emitMemory, round } from './measure.js';

const BUNDLE = resolve('dist', 'extension.js');

/** Calls that read a file's content: activation must make none of them. */
const READING_CALLS = ['workspace.fs.readFile', 'workspace.openTextDocument'];

const CLOSED_MANIFEST =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: closed}\nspec:\n  containers: []\n';

/** A file that exists in the workspace but is not open: one per `findFiles` pattern. */
function fakeUri(pattern: string): unknown {
  const path = pattern.includes('layerwise') ? '/w/.layerwise.yaml' : '/w/closed.yaml';
  return { path, fsPath: path, scheme: 'file', toString: () => `file://${path}` };
}

/**
 * A stand-in for the `vscode` module: every property is another stand-in, every call is
 * recorded by its dotted path and returns a stand-in. Lists the extension iterates are empty.
 */
function recordingVscode(calls: string[], reads: string[]): unknown {
  const lists = new Set(['workspace.textDocuments', 'window.visibleTextEditors']);
  const folders = [{ uri: { fsPath: '/w', path: '/w', scheme: 'file' }, name: 'w', index: 0 }];
  const make = (path: string): unknown => {
    const target = function () {} as unknown as object;
    // What the extension assigns to a stand-in (a diagnostic's source, an item's label).
    const assigned = new Map<string | symbol, unknown>();
    return new Proxy(target, {
      get(_target, key) {
        if (assigned.has(key)) return assigned.get(key);
        if (key === 'then' || typeof key === 'symbol') return undefined;
        const child = path ? `${path}.${key}` : key;
        if (lists.has(child)) return [];
        if (child === 'workspace.workspaceFolders') return folders;
        return make(child);
      },
      apply(_target, _this, args) {
        calls.push(path);
        if (path === 'workspace.findFiles') return Promise.resolve([fakeUri(String(args[0]))]);
        if (READING_CALLS.includes(path)) {
          reads.push(`${path} ${(args[0] as { path?: string } | undefined)?.path ?? args[0]}`);
          return Promise.resolve(new TextEncoder().encode(CLOSED_MANIFEST));
        }
        const callback = args.find((arg) => typeof arg === 'function');
        if (path.endsWith('withProgress') && callback) return Promise.resolve();
        return make(`${path}()`);
      },
      set(_target, key, value) {
        assigned.set(key, value);
        return true;
      },
      defineProperty(_target, key, descriptor) {
        assigned.set(key, descriptor.value);
        return true;
      },
      construct() {
        return make(`new ${path}`) as object;
      },
    });
  };
  // The bundle copies the module's own properties (esbuild's ES-module interop); an object
  // whose prototype is the stand-in keeps every lookup reaching the stand-in.
  return Object.create(make('') as object);
}

function loadWithVscode(path: string, vscode: unknown): Record<string, unknown> {
  const loader = Module as unknown as {
    _load: (request: string, parent: unknown, isMain: boolean) => unknown;
  };
  const original = loader._load;
  loader._load = (request, parent, isMain) =>
    request === 'vscode' ? vscode : original(request, parent, isMain);
  try {
    return loader._load(path, null, false) as Record<string, unknown>;
  } finally {
    loader._load = original;
  }
}

function fakeContext(): unknown {
  const memento = { get: () => undefined, update: () => Promise.resolve(), keys: () => [] };
  return {
    subscriptions: [],
    extensionUri: { fsPath: resolve('.'), path: resolve('.'), scheme: 'file' },
    extensionPath: resolve('.'),
    globalState: memento,
    workspaceState: memento,
    asAbsolutePath: (relative: string) => resolve(relative),
    extensionMode: 1,
    extension: {
      id: 'layerwise.layerwise',
      packageJSON: JSON.parse(readFileSync('package.json', 'utf8')) as unknown,
    },
  };
}

function cpuMilliseconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  if (!existsSync(BUNDLE)) {
    process.stdout.write(`SKIP extension: ${BUNDLE} is missing; run npm run build\n`);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'layerwise-bench-'));
  const yamlBundle = join(folder, 'yaml.js');
  writeFileSync(join(folder, 'entry.js'), "module.exports = require('yaml');\n");
  buildSync({
    entryPoints: [join(folder, 'entry.js')],
    outfile: yamlBundle,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    nodePaths: [resolve('node_modules')],
    logLevel: 'error',
  });

  const bundle = readFileSync(BUNDLE);
  const minified = !existsSync(`${BUNDLE}.map`);
  const yaml = readFileSync(yamlBundle);
  emit({
    section: 'extension',
    name: `bundle size, KiB gzip (${round(bundle.length / 1024, 0)} KiB raw)`,
    ms: round(gzipSync(bundle).length / 1024, 1),
    baseline: 'yaml package alone, minified, KiB gzip',
    baselineMs: round(gzipSync(yaml).length / 1024, 1),
    ratio: round(gzipSync(bundle).length / gzipSync(yaml).length),
    note: minified ? 'production build' : 'development build (not minified; has a source map)',
  });

  let started = process.cpuUsage();
  loadWithVscode(yamlBundle, undefined);
  const yamlLoad = cpuMilliseconds(started);

  const calls: string[] = [];
  const allReads: string[] = [];
  started = process.cpuUsage();
  const extension = loadWithVscode(BUNDLE, recordingVscode(calls, allReads));
  const activate = extension.activate as ((context: unknown) => unknown) | undefined;
  let failure = '';
  try {
    await activate?.(fakeContext());
  } catch (error) {
    failure = `activate threw: ${error instanceof Error ? error.message : String(error)}`;
  }
  const activation = cpuMilliseconds(started);
  // Work the extension schedules for later still counts as activation's.
  await new Promise((done) => setTimeout(done, 1000));
  const reads = allReads.filter((read) => !read.endsWith('/.layerwise.yaml'));
  emit({
    section: 'extension',
    name: 'activation: load the bundle + activate(), ms',
    ms: round(activation),
    baseline: 'loading the yaml bundle alone',
    baselineMs: round(yamlLoad),
    ratio: round(activation / yamlLoad),
    goal: 'reads no file',
    met: reads.length === 0 && failure === '',
    note:
      failure || `${calls.length} vscode calls; closed files read: ${reads.join(', ') || 'none'}`,
  });
  rmSync(folder, { recursive: true, force: true });
  emitMemory('extension');
}

void main();
