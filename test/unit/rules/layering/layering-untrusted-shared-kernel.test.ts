import { layeringUntrustedSharedKernel } from '../../../../src/core/rules/layering/layering-untrusted-shared-kernel.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const runner = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: runner
  namespace: ci
spec:
  template:
    spec:
      ${spec}
      containers:
        - name: runner
          image: ghcr.io/actions/actions-runner:2.320.0
`;

testRule(layeringUntrustedSharedKernel, {
  valid: [
    {
      name: 'a gVisor tenant workload through a RuntimeClass',
      text: fixture('isolated-tenant.yaml'),
    },
    { name: 'a Kata runtime class by name', text: runner('runtimeClassName: kata-qemu') },
    {
      name: 'configured sandbox names',
      text: runner('runtimeClassName: secure'),
      options: { layering: { sandboxRuntimeClasses: ['secure'] } },
    },
    {
      name: 'a trusted service',
      text: runner('priorityClassName: low').replace('ghcr.io/actions/actions-runner', 'nginx'),
    },
  ],
  invalid: [
    {
      name: 'a GitLab runner on the shared kernel',
      text: fixture('gitlab-runner.yaml'),
      findings: [
        {
          range: '2:7-2:17',
          message:
            'Deployment ci/gitlab-runner runs untrusted code (image ' +
            'gitlab/gitlab-runner:alpine-v17.5.0 is a GitLab runner) on the node’s shared kernel ' +
            '(no runtimeClassName: its containers run on the node’s kernel); its layers: shared ' +
            'kernel, shared nodes, privileged. One kernel bug lets it out to every pod on the ' +
            'node: run it in a sandbox with runtimeClassName gvisor.',
        },
      ],
      output: fixture('gitlab-runner.yaml') + '      runtimeClassName: gvisor\n',
    },
    {
      name: 'tenant Jupyter notebooks, with the configured RuntimeClass',
      text: fixture('tenant-notebooks.yaml'),
      options: { layering: { fixes: { runtimeClassName: 'kata-qemu' } } },
      findings: [{ range: '3:7-3:10', message: /JupyterHub single-user server/ }],
      output: fixture('tenant-notebooks.yaml') + '  runtimeClassName: kata-qemu\n',
    },
    {
      name: 'a RuntimeClass of the set whose handler is runc',
      text: `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: {name: gvisor}
handler: runc
---
${runner('runtimeClassName: gvisor # sandboxed, we think')}`,
      options: { layering: { fixes: { runtimeClassName: 'kata' } } },
      findings: [
        { range: '14:25-14:31', message: /uses handler runc, which shares the node’s kernel/ },
      ],
      output: `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: {name: gvisor}
handler: runc
---
${runner('runtimeClassName: kata # sandboxed, we think')}`,
    },
  ],
});
