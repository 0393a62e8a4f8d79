import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evidenceLines, fixture, onlyWorkload, workloadsOf } from './helpers.js';

const deployment = (metadata: string, container = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
${metadata}
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1${container}
`;

describe('layering roles', () => {
  it('regulated: a compliance label, with the line that says so', () => {
    assert.deepEqual(evidenceLines(onlyWorkload(fixture('payments-shared.yaml'))), [
      'regulated 8:5-8:24 label compliance: pci-dss names PCI',
      'service 2:7-2:17 kind Deployment keeps its pods running',
    ]);
  });

  it('regulated: data classification in an annotation, and a namespace named for GDPR', () => {
    const text = deployment(`  namespace: gdpr-eu
  annotations:
    example.com/data-classification: restricted`);
    assert.deepEqual(evidenceLines(onlyWorkload(text)).slice(0, 2), [
      'regulated 7:5-7:48 annotation example.com/data-classification: restricted classifies ' +
        'its data',
      'regulated 5:14-5:21 namespace gdpr-eu is named for GDPR',
    ]);
  });

  it('a label on the object and on its pod template is one clue, at the object', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  labels: {tenant: acme, compliance: pci-dss}
spec:
  template:
    metadata:
      labels: {tenant: acme, compliance: hipaa}
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1
`;
    assert.deepEqual(evidenceLines(onlyWorkload(text)), [
      'regulated 5:26-5:45 label compliance: pci-dss names PCI',
      'regulated 9:30-9:47 label compliance: hipaa names HIPAA',
      "untrusted 5:12-5:24 label tenant: acme marks a tenant's workload",
      'service 2:7-2:17 kind Deployment keeps its pods running',
    ]);
  });

  it('regulated: words inside other words do not count', () => {
    const text = deployment('  labels: {app: spacex-socks, tier: confidential-ish}');
    assert.deepEqual(onlyWorkload(text).roles, ['service']);
  });

  it('untrusted: notebooks, tenant labels and runner images', () => {
    assert.deepEqual(evidenceLines(onlyWorkload(fixture('tenant-notebooks.yaml'))), [
      'untrusted 8:5-8:33 label component: singleuser-server marks a JupyterHub single-user server',
      "untrusted 9:5-9:17 label tenant: acme marks a tenant's workload",
      'untrusted 13:7-13:55 image quay.io/jupyter/scipy-notebook:2024-10-07 is a Jupyter ' +
        'notebook server',
      'service 15:11-15:30 container "notebook" listens on a port',
    ]);
    for (const [image, what] of [
      ['gitlab/gitlab-runner:alpine-v17.5.0', 'a GitLab runner'],
      ['ghcr.io/actions/actions-runner:2.320.0', 'a GitHub Actions runner'],
      ['buildkite/agent:3', 'a Buildkite agent'],
      ['jenkins/inbound-agent:3273.v4cfe589b_fd83-1', 'a Jenkins agent'],
      ['judge0/judge0:1.13.1', 'a code-execution service'],
    ] as const) {
      const text = deployment('', '').replace('registry.example.com/app:1', image);
      assert.deepEqual(
        evidenceLines(onlyWorkload(text))[0],
        `untrusted 11:11-11:${18 + image.length} image ${image} is ${what}`,
      );
    }
  });

  it('gpu-training: an accelerator in a batch kind', () => {
    assert.deepEqual(evidenceLines(onlyWorkload(fixture('pytorch-training.yaml'))), [
      'gpu-training 19:19-19:36 requests nvidia.com/gpu',
      'gpu-training 2:7-2:17 kind PyTorchJob runs to completion',
    ]);
  });

  it('gpu-inference: an accelerator with a model-server image, or in a long-running kind', () => {
    assert.deepEqual(evidenceLines(onlyWorkload(fixture('vllm-inference.yaml'))), [
      'gpu-inference 14:13-14:30 requests nvidia.com/gpu',
      'gpu-inference 10:9-10:39 image vllm/vllm-openai:v0.6.3 is a model server',
    ]);
    const text = deployment(
      '',
      `
          resources: {limits: {habana.ai/gaudi: 8}}`,
    );
    assert.deepEqual(evidenceLines(onlyWorkload(text)), [
      'gpu-inference 12:32-12:50 requests habana.ai/gaudi',
      'gpu-inference 2:7-2:17 kind Deployment keeps serving',
    ]);
  });

  it('full-os: init as the entrypoint, privileged with SSH, the host cgroup tree', () => {
    assert.deepEqual(evidenceLines(onlyWorkload(fixture('legacy-vm-container.yaml'))), [
      'full-os 19:21-19:37 its entrypoint is /usr/sbin/init',
      'full-os 21:15-21:32 it is privileged and listens for SSH on port 22',
      "full-os 31:13-31:33 it mounts the host's /sys/fs/cgroup",
    ]);
  });

  it('node-agent: a DaemonSet with host access, each access a clue', () => {
    const [exporter, fluentBit] = workloadsOf(fixture('node-agents.yaml'));
    assert.ok(exporter && fluentBit);
    assert.deepEqual(evidenceLines(exporter), [
      'node-agent 2:7-2:16 a DaemonSet runs on every node',
      "node-agent 28:13-28:20 it mounts the host's /",
      'node-agent 15:7-15:24 it sets hostNetwork',
      'node-agent 16:7-16:20 it sets hostPID',
    ]);
    assert.deepEqual(fluentBit.roles, ['node-agent']);
  });

  it('stateful, batch and service by kind and volumes', () => {
    const statefulSet = deployment('').replace('kind: Deployment', 'kind: StatefulSet');
    assert.deepEqual(evidenceLines(onlyWorkload(statefulSet)), [
      'stateful 2:7-2:18 kind StatefulSet keeps state',
    ]);
    const withClaim = `${deployment('')}      volumes:
        - name: data
          persistentVolumeClaim: {claimName: data}
`;
    assert.deepEqual(evidenceLines(onlyWorkload(withClaim)), [
      'stateful 14:11-14:32 it mounts a persistent volume claim',
    ]);
    const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: report, image: report:1}]
`;
    assert.deepEqual(evidenceLines(onlyWorkload(cronJob)), [
      'batch 2:7-2:14 kind CronJob runs to completion',
    ]);
  });

  it('a VM boots a whole OS unless its guest only starts containers', () => {
    assert.deepEqual(evidenceLines(onlyWorkload(fixture('kubevirt-container-vm.yaml'))), [
      'service 29:19-29:70 its guest only starts containers (podman run -d -p 80:80 ' +
        'docker.io/library/nginx:1.27)',
    ]);
    const plain =
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\n' +
      'metadata: {name: db}\nspec: {domain: {}}\n';
    assert.deepEqual(evidenceLines(onlyWorkload(plain)), [
      'full-os 2:7-2:29 kind VirtualMachineInstance boots a whole guest operating system',
    ]);
  });

  it('declared roles win over inference: the annotation', () => {
    const text = fixture('payments-shared.yaml').replace(
      '    compliance: pci-dss\n',
      '    compliance: pci-dss\n  annotations:\n    layerwise.dev/roles: "batch untrusted ' +
        'nonsense"\n',
    );
    const workload = onlyWorkload(text);
    assert.deepEqual(workload.roles, ['untrusted', 'batch']);
    assert.equal(workload.rolesDeclared, true);
    assert.deepEqual(evidenceLines(workload), [
      'batch 10:5-10:52 annotation layerwise.dev/roles declares it',
      'untrusted 10:5-10:52 annotation layerwise.dev/roles declares it',
    ]);
  });

  it('declared roles win over inference: the options, by namespace or labels', () => {
    const options = {
      layering: {
        roles: [
          { roles: ['regulated' as const], namespaces: ['ledger'] },
          { roles: ['stateful' as const], matchLabels: { app: 'payments-api' } },
        ],
      },
    };
    const workload = onlyWorkload(fixture('payments-shared.yaml'), options);
    assert.deepEqual(evidenceLines(workload), [
      'stateful 7:5-7:22 the layering options map label app=payments-api to it',
    ]);
    const other = onlyWorkload(deployment('  namespace: ledger'), options);
    assert.deepEqual(evidenceLines(other), [
      'regulated 5:14-5:20 the layering options map namespace ledger to it',
    ]);
  });
});
