import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCounts } from '../../../src/extension/counts.js';
import { findNameRange } from '../../../src/extension/workload-anchors.js';
import {
  escapeMarkdown,
  hoverMarkdown,
  lensTitle,
  type WorkloadView,
} from '../../../src/extension/workload-text.js';

const base = {
  id: 'Deployment/payments/api',
  kind: 'Deployment',
  name: 'api',
  namespace: 'payments',
};
const range = (line: number) => ({
  start: { line, character: 4 },
  end: { line, character: 20 },
});

const regulated: WorkloadView = {
  ...base,
  roles: ['regulated'],
  evidence: [
    { role: 'regulated', path: 'a.yaml', range: range(6), reason: 'label compliance=pci-dss' },
  ],
  isolation: { kernel: 'shared', nodes: 'shared', podSecurity: 'baseline' },
  recommended: { kernel: 'shared', nodes: 'dedicated', podSecurity: 'restricted' },
};

describe('lensTitle', () => {
  it('states the layers and what to change', () => {
    assert.equal(
      lensTitle(regulated),
      'shared kernel · shared nodes · baseline → recommended: dedicated nodes · restricted',
    );
  });

  it('says a workload fits when nothing differs', () => {
    const fits = { ...regulated, recommended: regulated.isolation };
    assert.equal(lensTitle(fits), 'shared kernel · shared nodes · baseline · fits its roles');
  });

  it('names a VM and leaves out a missing Pod Security level', () => {
    const vm: WorkloadView = {
      ...base,
      isolation: { kernel: 'vm', nodes: 'shared', podSecurity: null },
      recommended: { kernel: 'shared', nodes: 'shared', podSecurity: 'restricted' },
    };
    assert.equal(lensTitle(vm), 'VM · shared nodes → recommended: shared kernel · restricted');
  });

  it('still opens the panel when the workload has no layering data', () => {
    assert.equal(lensTitle(base), 'Layerwise: show in the layering panel');
  });
});

describe('hoverMarkdown', () => {
  it('shows layers, roles with evidence lines and the recommendation', () => {
    const markdown = hoverMarkdown(regulated, 'command:layerwise.openPanel');
    assert.equal(
      markdown,
      [
        '**Deployment payments/api**',
        '',
        'Layers: shared kernel · shared nodes · baseline',
        '',
        'Roles: regulated',
        '- regulated: label compliance=pci\\-dss (line 7)',
        '',
        'Recommended: shared kernel · dedicated nodes · restricted',
        '',
        '[Show in the layering panel](command:layerwise.openPanel)',
      ].join('\n'),
    );
  });

  it('names the file of evidence found in another file', () => {
    const clue = { role: 'regulated', path: 'file:///w/ns%201.yaml', range: range(2), reason: 'x' };
    const view = { ...regulated, path: 'file:///w/app.yaml', evidence: [clue] };
    assert.match(hoverMarkdown(view, 'command:x'), /- regulated: x \(ns 1\\.yaml line 3\)/);
  });

  it('escapes what comes from the file', () => {
    const sneaky = { ...base, name: '[x](command:evil)' };
    const markdown = hoverMarkdown(sneaky, 'command:layerwise.openPanel');
    assert.ok(markdown.includes('\\[x\\]\\(command:evil\\)'));
    assert.equal(escapeMarkdown('a*b_c'), 'a\\*b\\_c');
  });
});

describe('findNameRange', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    name: api
  name: "api" # the public one
spec:
  template:
    metadata:
      name: api
`;
  it('finds metadata.name of the object, not a label of the same value', () => {
    assert.deepEqual(findNameRange(text.split('\n'), 1, 'api'), {
      start: { line: 5, character: 9 },
      end: { line: 5, character: 12 },
    });
  });

  it('stays inside the list item of the object', () => {
    const list = `items:
  - apiVersion: v1
    kind: Pod
    spec: {}
  - apiVersion: v1
    kind: Pod
    metadata:
      name: second
`;
    assert.equal(findNameRange(list.split('\n'), 2, 'second'), undefined);
    assert.deepEqual(findNameRange(list.split('\n'), 5, 'second'), {
      start: { line: 7, character: 12 },
      end: { line: 7, character: 18 },
    });
  });
});

describe('describeCounts', () => {
  it('counts by severity', () => {
    const findings = [{ severity: 'error' }, { severity: 'error' }, { severity: 'info' }] as const;
    assert.equal(describeCounts(findings), '2 errors, 1 note');
    assert.equal(describeCounts([]), 'no problems');
  });
});
