import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recommend } from '../../../src/core/layering/recommend.js';
import { fixture, onlyWorkload } from './helpers.js';

const layers = (roles: Parameters<typeof recommend>[0]) => {
  const { kernel, nodes, podSecurity } = recommend(roles);
  return { kernel, nodes, podSecurity };
};

describe('layering recommendations', () => {
  it('follows the table, role by role', () => {
    assert.deepEqual(layers(['regulated']), {
      kernel: 'shared',
      nodes: 'dedicated',
      podSecurity: 'restricted',
    });
    assert.deepEqual(layers(['untrusted']), {
      kernel: 'sandboxed',
      nodes: 'shared',
      podSecurity: 'restricted',
    });
    assert.deepEqual(layers(['gpu-training']), {
      kernel: 'shared',
      nodes: 'dedicated',
      podSecurity: 'baseline',
    });
    assert.deepEqual(layers(['gpu-inference']), {
      kernel: 'shared',
      nodes: 'dedicated',
      podSecurity: 'baseline',
    });
    assert.deepEqual(layers(['full-os']), { kernel: 'vm', nodes: 'shared', podSecurity: null });
    assert.deepEqual(layers(['node-agent']), {
      kernel: 'shared',
      nodes: 'shared',
      podSecurity: 'privileged',
    });
    for (const role of ['service', 'batch', 'stateful'] as const) {
      assert.deepEqual(layers([role]), {
        kernel: 'shared',
        nodes: 'shared',
        podSecurity: 'restricted',
      });
    }
    assert.deepEqual(layers([]), { kernel: 'shared', nodes: 'shared', podSecurity: 'restricted' });
  });

  it('takes the strictest need per layer and names the role that asks for it', () => {
    const both = recommend(['regulated', 'untrusted', 'service']);
    assert.deepEqual(
      { kernel: both.kernel, nodes: both.nodes, podSecurity: both.podSecurity },
      { kernel: 'sandboxed', nodes: 'dedicated', podSecurity: 'restricted' },
    );
    assert.deepEqual(both.because, {
      kernel: 'untrusted',
      nodes: 'regulated',
      podSecurity: 'regulated',
    });
    assert.equal(recommend(['regulated', 'full-os']).podSecurity, null);
  });

  it('reports mismatches below the recommendation, and a VM above it', () => {
    assert.deepEqual(onlyWorkload(fixture('payments-shared.yaml')).mismatches, [
      {
        layer: 'nodes',
        direction: 'below',
        actual: 'shared',
        recommended: 'dedicated',
        because: 'regulated',
      },
      {
        layer: 'podSecurity',
        direction: 'below',
        actual: 'baseline',
        recommended: 'restricted',
        because: 'regulated',
      },
    ]);
    assert.deepEqual(onlyWorkload(fixture('kubevirt-container-vm.yaml')).mismatches, [
      { layer: 'kernel', direction: 'above', actual: 'vm', recommended: 'shared', because: null },
    ]);
    assert.deepEqual(onlyWorkload(fixture('legacy-vm-container.yaml')).mismatches, [
      {
        layer: 'kernel',
        direction: 'below',
        actual: 'shared',
        recommended: 'vm',
        because: 'full-os',
      },
    ]);
    assert.deepEqual(onlyWorkload(fixture('dedicated-regulated.yaml')).mismatches, []);
  });
});
