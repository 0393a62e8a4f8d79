import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTree } from '../../../src/extension/tree/tree-model.js';
import { sampleData } from './sample-data.js';

describe('buildTree', () => {
  it('lists pools, then workloads, then their findings', () => {
    const tree = buildTree(sampleData());
    assert.deepEqual(
      tree.map((pool) => [pool.label, pool.description, pool.workloads.map((w) => w.label)]),
      [
        ['Dedicated pool cloud.google.com/gke-nodepool=gpu', '1', ['train']],
        ['Shared nodes', '3 · 1 need more isolation', ['api', 'runner', 'erp']],
      ],
    );
    const api = tree[1]?.workloads[0];
    assert.equal(api?.description, 'Deployment · shared kernel · baseline');
    assert.equal(api?.needsIsolation, true);
    assert.deepEqual(
      api?.findings.map((node) => node.finding.ruleId),
      ['layering-regulated-shared-nodes'],
    );
    assert.match(api?.tooltip ?? '', /nodes: shared → dedicated/);
  });

  it('says when a VM has no Pod Security level to judge', () => {
    const erp = buildTree(sampleData())[1]?.workloads[2];
    assert.equal(erp?.description, 'VirtualMachine · virtual machine · not judged');
    assert.equal(erp?.needsIsolation, false);
  });

  it('is empty when there are no workloads, so the welcome view shows', () => {
    assert.deepEqual(buildTree({ workloads: [], findings: [], activePath: null }), []);
  });
});
