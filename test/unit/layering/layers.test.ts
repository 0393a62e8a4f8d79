import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/core/analyze.js';
import { evidenceLines, fixture, layerLines, onlyWorkload, workloadsOf } from './helpers.js';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  ${spec}
  containers: [{name: c, image: c:1}]
`;

describe('layering layers', () => {
  it('kernel: shared without a runtimeClassName, at the kind', () => {
    const workload = onlyWorkload(fixture('payments-shared.yaml'));
    assert.equal(workload.isolation.kernel, 'shared');
    assert.deepEqual(layerLines(workload, 'kernel'), [
      '2:7-2:17 no runtimeClassName: its containers run on the node’s kernel',
    ]);
  });

  it('kernel: sandboxed by name, by a configured name, and by a RuntimeClass handler', () => {
    assert.equal(onlyWorkload(pod('runtimeClassName: gvisor')).isolation.kernel, 'sandboxed');
    assert.equal(onlyWorkload(pod('runtimeClassName: kata-clh')).isolation.kernel, 'sandboxed');
    assert.equal(onlyWorkload(pod('runtimeClassName: nvidia')).isolation.kernel, 'shared');
    const configured = { layering: { sandboxRuntimeClasses: ['secure*'] } };
    assert.equal(
      onlyWorkload(pod('runtimeClassName: secure-v2'), configured).isolation.kernel,
      'sandboxed',
    );
    assert.equal(
      onlyWorkload(pod('runtimeClassName: gvisor'), configured).isolation.kernel,
      'sandboxed',
      'a configured list adds to the built-in one',
    );

    const runsc = `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: gvisor
handler: runsc
---
${pod('runtimeClassName: gvisor')}`;
    const named = { layering: { sandboxRuntimeClasses: ['gvisor'] } };
    assert.equal(onlyWorkload(runsc, named).isolation.kernel, 'sandboxed');

    const [tenant] = workloadsOf(fixture('isolated-tenant.yaml'));
    assert.ok(tenant);
    assert.equal(tenant.isolation.kernel, 'sandboxed');
    assert.deepEqual(layerLines(tenant, 'kernel'), [
      '24:25-24:34 RuntimeClass sandboxed uses the sandbox handler runsc',
    ]);
  });

  it('kernel: a RuntimeClass in another file of the set decides', () => {
    const report = analyze([
      { path: 'a.yaml', text: pod('runtimeClassName: strong') },
      {
        path: 'b.yaml',
        text:
          'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\n' +
          'metadata: {name: strong}\nhandler: kata-qemu\n',
      },
    ]);
    assert.equal(report.workloads[0]?.isolation.kernel, 'sandboxed');
  });

  it('kernel: vm for KubeVirt', () => {
    const workload = onlyWorkload(fixture('kubevirt-container-vm.yaml'));
    assert.deepEqual(workload.isolation, { kernel: 'vm', nodes: 'shared', podSecurity: null });
    assert.deepEqual(layerLines(workload, 'kernel'), [
      '2:7-2:21 VirtualMachine runs its own guest kernel',
    ]);
  });

  it('nodes: dedicated needs a pool pin and a taint that keeps others off', () => {
    const workload = onlyWorkload(fixture('dedicated-regulated.yaml'));
    assert.equal(workload.isolation.nodes, 'dedicated');
    assert.deepEqual(layerLines(workload, 'nodes'), [
      '19:9-19:45 requires node label cloud.google.com/gke-nodepool=hipaa',
      '21:11-24:29 tolerates the taint dedicated=hipaa that keeps other pods off',
    ]);
    const noTaint = pod('nodeSelector: {cloud.google.com/gke-nodepool: pci}');
    assert.equal(onlyWorkload(noTaint).isolation.nodes, 'shared');
    const preferNoSchedule = pod(`nodeSelector: {cloud.google.com/gke-nodepool: pci}
  tolerations: [{key: dedicated, operator: Exists, effect: PreferNoSchedule}]`);
    assert.equal(onlyWorkload(preferNoSchedule).isolation.nodes, 'shared');
  });

  it('nodes: a label that is also a tolerated taint key is a pool, whatever its name', () => {
    const text = pod(`nodeSelector: {dedicated: pci}
  tolerations: [{key: dedicated, operator: Equal, value: pci, effect: NoSchedule}]`);
    assert.equal(onlyWorkload(text).isolation.nodes, 'dedicated');
    const other = pod(`nodeSelector: {disktype: ssd}
  tolerations: [{key: dedicated, operator: Equal, value: pci, effect: NoSchedule}]`);
    assert.equal(onlyWorkload(other).isolation.nodes, 'shared');
  });

  it('nodes: a RuntimeClass scheduling pins and tolerates, shown at the runtimeClassName', () => {
    const report = analyze([
      {
        path: 'rc.yaml',
        text: `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: {name: pci}
handler: runc
scheduling:
  nodeSelector: {eks.amazonaws.com/nodegroup: pci}
  tolerations: [{key: pci, operator: Exists, effect: NoSchedule}]
`,
      },
      { path: 'pod.yaml', text: pod('runtimeClassName: pci') },
    ]);
    const workload = report.workloads[0];
    assert.ok(workload);
    assert.equal(workload.isolation.nodes, 'dedicated');
    assert.deepEqual(layerLines(workload, 'nodes'), [
      '5:21-5:24 requires node label eks.amazonaws.com/nodegroup=pci (from RuntimeClass pci)',
      '5:21-5:24 tolerates the taint pci that keeps other pods off (from RuntimeClass pci)',
    ]);
    assert.deepEqual(workload.nodeGroups, ['eks.amazonaws.com/nodegroup=pci']);
  });

  it('podSecurity: the lowest level over the pod templates, and the checks that keep it', () => {
    const workload = onlyWorkload(fixture('pytorch-training.yaml'));
    assert.equal(workload.isolation.podSecurity, 'privileged');
    assert.deepEqual(layerLines(workload, 'podSecurity'), [
      '12:11-12:24 fails the baseline check hostNamespaces',
    ]);
    const restricted = onlyWorkload(fixture('dedicated-regulated.yaml'));
    assert.deepEqual(layerLines(restricted, 'podSecurity'), [
      '17:5-17:9 its pod spec meets every restricted check',
    ]);
  });

  it('follows the Pod Security version', () => {
    // Restricted asks containers to drop ALL capabilities from v1.22 on.
    const text = fixture('dedicated-regulated.yaml').replace(
      '            capabilities:\n              drop: [ALL]\n',
      '',
    );
    assert.equal(onlyWorkload(text, { pssVersion: 'v1.21' }).isolation.podSecurity, 'restricted');
    assert.equal(onlyWorkload(text).isolation.podSecurity, 'baseline');
  });

  it('compose services: no pod spec, a kernel from runtime, roles from labels and image', () => {
    const text = `services:
  web:
    image: nginx:1.27
    labels: [compliance=pci-dss]
  runner:
    image: gitlab/gitlab-runner:alpine-v17.5.0
    runtime: runsc
`;
    const [web, runner] = analyze([{ path: 'docker-compose.yaml', text }]).workloads;
    assert.ok(web && runner);
    assert.deepEqual(web.roles, ['regulated', 'service']);
    assert.deepEqual(web.isolation, { kernel: 'shared', nodes: 'shared', podSecurity: null });
    assert.deepEqual(web.nodeGroups, []);
    assert.deepEqual(evidenceLines(runner), [
      'untrusted 6:5-6:47 image gitlab/gitlab-runner:alpine-v17.5.0 is a GitLab runner',
      'service 5:3-5:9 kind ComposeService keeps it running',
    ]);
    assert.deepEqual(layerLines(runner, 'kernel'), [
      '7:14-7:19 runtime runsc is a sandbox runtime',
    ]);
  });
});
