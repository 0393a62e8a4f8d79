import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/core/analyze.js';
import { taintOf, tolerates, type Toleration } from '../../../src/core/layering/placement.js';

const span = { start: 0, end: 0 };
const toleration = (fields: Partial<Toleration>): Toleration => ({
  key: undefined,
  operator: 'Equal',
  value: undefined,
  effect: undefined,
  span,
  ...fields,
});

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  ${spec}
  containers: [{name: c, image: c:1}]
`;

describe('layering placement', () => {
  it('matches tolerations to taints as the scheduler does', () => {
    const taint = { key: 'dedicated', value: 'pci', effect: 'NoSchedule' as const };
    assert.equal(tolerates(toleration({ operator: 'Exists' }), taint), true);
    assert.equal(tolerates(toleration({ key: 'dedicated', operator: 'Exists' }), taint), true);
    assert.equal(tolerates(toleration({ key: 'dedicated', value: 'pci' }), taint), true);
    assert.equal(tolerates(toleration({ key: 'dedicated', value: 'gpu' }), taint), false);
    const noExecute = toleration({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' });
    assert.equal(tolerates(noExecute, taint), false);
    assert.equal(tolerates(toleration({ key: 'other', operator: 'Exists' }), taint), false);
  });

  it('reads the taints a toleration is written for; PreferNoSchedule keeps nobody off', () => {
    assert.deepEqual(taintOf(toleration({ key: 'gpu', operator: 'Exists' })), [
      { key: 'gpu', value: undefined, effect: 'NoSchedule' },
    ]);
    assert.deepEqual(taintOf(toleration({ key: 'gpu', effect: 'PreferNoSchedule' })), []);
    assert.deepEqual(taintOf(toleration({ operator: 'Exists' })), []);
  });

  it('a pool keeps the taints every workload pinned to it tolerates', () => {
    const pinned = 'nodeSelector: {karpenter.sh/nodepool: pci}';
    const text = [
      pod(
        'a',
        `${pinned}\n  tolerations: [{key: pci, operator: Exists}, {key: x, operator: Exists}]`,
      ),
      pod('b', `${pinned}\n  tolerations: [{key: pci, operator: Exists}]`),
      pod('tolerates-pci', 'tolerations: [{key: pci, operator: Exists}]'),
      pod('tolerates-x', 'tolerations: [{key: x, operator: Exists}]'),
    ].join('---\n');
    const groups = analyze([{ path: 'p.yaml', text }]).workloads.map((w) => [w.name, w.nodeGroups]);
    assert.deepEqual(groups, [
      ['a', ['karpenter.sh/nodepool=pci']],
      ['b', ['karpenter.sh/nodepool=pci']],
      ['tolerates-pci', ['karpenter.sh/nodepool=pci', 'shared']],
      ['tolerates-x', ['shared']],
    ]);
  });

  it('required affinity: values of a key over all terms; a regulated VM is pinned like a pod', () => {
    const text = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vault, labels: {compliance: fedramp}}
spec:
  template:
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions: [{key: agentpool, operator: In, values: [fed1]}]
              - matchExpressions: [{key: agentpool, operator: In, values: [fed2]}]
      tolerations: [{key: fedramp, operator: Exists, effect: NoSchedule}]
      domain: {devices: {}}
`;
    const [vm] = analyze([{ path: 'vm.yaml', text }]).workloads;
    assert.ok(vm);
    assert.deepEqual(vm.isolation, { kernel: 'vm', nodes: 'dedicated', podSecurity: null });
    assert.deepEqual(vm.nodeGroups, ['agentpool=fed1', 'agentpool=fed2']);
    assert.deepEqual(vm.roles, ['regulated', 'full-os']);
    assert.deepEqual(vm.mismatches, []);
  });
});
