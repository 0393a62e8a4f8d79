import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOCS_BASE_URL, formatSarif, toUri } from '../../../src/cli/format-sarif.js';
import { RULES, type Finding } from '../../../src/core/index.js';
import { checkSarifShape } from './sarif-shape.js';

const range = (line: number, start: number, end: number) => ({
  start: { line, character: start },
  end: { line, character: end },
});

function finding(path: string, related: Finding['related'] = []): Finding {
  return {
    ruleId: 'privileged',
    severity: 'error',
    message: 'Container "app" is privileged.',
    path,
    range: range(9, 8, 24),
    pss: 'baseline',
    workload: 'Pod/default/demo',
    related,
    fixable: false,
    fixes: [],
  };
}

interface Log {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string }[] } };
    results: {
      ruleIndex: number;
      locations: unknown[];
      relatedLocations?: unknown[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

describe('formatSarif', () => {
  it('writes 1-based regions, relative encoded URIs and related locations', () => {
    const related = [{ path: 'my dir/ns.yaml', range: range(2, 0, 4), message: 'The namespace.' }];
    const log = formatSarif(
      { findings: [finding('my dir/pod.yaml', related)], workloads: [] },
      '1.2.3',
    );
    assert.deepEqual(checkSarifShape(log), []);

    const [result] = (log as Log).runs[0]?.results ?? [];
    assert.ok(result);
    assert.deepEqual(result.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'my%20dir/pod.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 10, startColumn: 9, endLine: 10, endColumn: 25 },
        },
      },
    ]);
    assert.deepEqual(result.relatedLocations, [
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'my%20dir/ns.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 5 },
        },
        message: { text: 'The namespace.' },
      },
    ]);
    const rules = (log as Log).runs[0]?.tool.driver.rules ?? [];
    assert.equal(rules[result.ruleIndex]?.id, 'privileged');
    assert.equal(rules.length, RULES.length);
    assert.equal(rules[result.ruleIndex]?.helpUri, `${DOCS_BASE_URL}docs/rules/privileged.md`);
  });

  it('numbers repeated findings so their fingerprints differ, and keeps lines out of them', () => {
    const moved = { ...finding('pod.yaml'), range: range(40, 8, 24) };
    const log = formatSarif(
      { findings: [finding('pod.yaml'), finding('pod.yaml'), moved], workloads: [] },
      '1.2.3',
    ) as Log;
    const prints = (log.runs[0]?.results ?? []).map((result) =>
      Object.values(result.partialFingerprints).join(),
    );
    assert.equal(new Set(prints).size, 3);
    const again = formatSarif({ findings: [moved], workloads: [] }, '1.2.3') as Log;
    assert.deepEqual(
      again.runs[0]?.results[0]?.partialFingerprints,
      log.runs[0]?.results[0]?.partialFingerprints,
    );
  });

  it('encodes file names into URI segments', () => {
    assert.equal(toUri('<stdin>'), '%3Cstdin%3E');
    assert.equal(toUri('a\\b/c#d.yaml'), 'a/b/c%23d.yaml');
  });
});
