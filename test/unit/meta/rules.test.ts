import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../src/core/rules/registry.js';
import { ruleDocPath } from '../../../src/core/rules/rule.js';

const ROOT = resolve(__dirname, '../../..');

/** The sections every rule page has, in this order, after its `# <id>` title and summary. */
const SECTIONS = [
  '## What it checks',
  '## Why it matters',
  '## Examples',
  '## How to fix',
  '## Known limitations',
];

/** What is wrong with one rule's documentation page; nothing when it is complete. */
function checkDoc(id: string): string[] {
  const path = ruleDocPath(id);
  const file = join(ROOT, path);
  if (!existsSync(file)) return [`${path}: missing`];

  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const problems: string[] = [];
  if (lines[0] !== `# ${id}`) problems.push(`${path}: the first line must be "# ${id}"`);
  const summary = lines.slice(1).find((line) => line.trim() !== '');
  if (!summary || summary.startsWith('#')) {
    problems.push(`${path}: a one-line summary must follow the title`);
  }

  let previous = -1;
  for (const section of SECTIONS) {
    const index = lines.indexOf(section);
    if (index === -1) problems.push(`${path}: no "${section}" section`);
    else if (index < previous) problems.push(`${path}: "${section}" is out of order`);
    else previous = index;
  }
  const examples = sectionText(lines, '## Examples');
  const yamlBlocks = examples.match(/^```(?:yaml|yml|dockerfile|Dockerfile)$/gm) ?? [];
  if (yamlBlocks.length < 2) {
    problems.push(`${path}: "## Examples" needs a failing and a passing example (two code blocks)`);
  }
  for (const section of SECTIONS) {
    if (lines.includes(section) && sectionText(lines, section).trim() === '') {
      problems.push(`${path}: "${section}" is empty`);
    }
  }
  return problems;
}

function sectionText(lines: readonly string[], heading: string): string {
  const start = lines.indexOf(heading);
  if (start === -1) return '';
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}

/** Fails with the whole list, one problem a line, so a run shows everything that is missing. */
function assertNone(problems: readonly string[]): void {
  if (problems.length > 0) assert.fail(`${problems.length} problems:\n  ${problems.join('\n  ')}`);
}

describe('every registered rule', () => {
  it('has a documentation page docs/rules/<id>.md with the required sections', () => {
    const problems = RULES.flatMap((rule) => checkDoc(rule.meta.id));
    assertNone(problems);
  });

  // One place for every rule's tests, general rules included: the rule's family folder.
  it('has a test file test/unit/rules/<family>/<id>.test.ts', () => {
    const missing = RULES.map(
      (rule) => `test/unit/rules/${rule.meta.family}/${rule.meta.id}.test.ts`,
    )
      .filter((path) => !existsSync(join(ROOT, path)))
      .map((path) => `${path}: missing`);
    assertNone(missing);
  });

  it('has a description and a remediation, each one sentence', () => {
    const problems: string[] = [];
    for (const { meta } of RULES) {
      for (const [name, text] of [
        ['description', meta.description],
        ['remediation', meta.remediation],
      ] as const) {
        const trimmed = text.trim();
        if (trimmed.length < 10 || !/[.!?)]$/.test(trimmed)) {
          problems.push(`${meta.id}: ${name} must be a sentence ending with a full stop`);
        }
        if (trimmed.includes('\n')) problems.push(`${meta.id}: ${name} must be one line`);
      }
      if (Object.keys(meta.messages).length === 0) problems.push(`${meta.id}: no messages`);
    }
    assertNone(problems);
  });

  it('has a unique id in kebab-case, and the registry is in alphabetical order', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    assert.deepEqual(
      ids.filter((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)),
      [],
      'kebab-case ids',
    );
    assert.deepEqual(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      [],
      'unique ids',
    );
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a.localeCompare(b)),
    );
  });
});

describe('rule documentation', () => {
  it('has no page for a rule that does not exist', () => {
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    const stale = readdirSync(join(ROOT, 'docs/rules'))
      .filter((name) => name.endsWith('.md') && !ids.has(name.slice(0, -3)))
      .map((name) => `docs/rules/${name}: no rule has this id`);
    assertNone(stale);
  });

  it('is listed, rule for rule, in the README rules table', () => {
    const check = spawnSync(process.execPath, ['scripts/rules-table.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(check.status, 0, check.stderr);
  });
});
