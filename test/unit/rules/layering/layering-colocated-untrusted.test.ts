import { layeringColocatedUntrusted } from '../../../../src/core/rules/layering/layering-colocated-untrusted.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const regulatedOnPool = fixture('dedicated-regulated.yaml');
const runner = fixture('gitlab-runner.yaml');

testRule(layeringColocatedUntrusted, {
  valid: [
    {
      name: 'a dedicated, tainted pool keeps the runner off',
      text: `${regulatedOnPool}---\n${runner}`,
    },
    {
      name: 'a sandboxed tenant next to a regulated workload',
      text: `${fixture('isolated-tenant.yaml')}---\n${fixture('payments-shared.yaml')}`,
    },
    {
      name: 'privileged node agents are left to layering-agent-on-regulated-pool',
      text: `${fixture('payments-shared.yaml')}---\n${fixture('node-agents.yaml')}`,
    },
  ],
  invalid: [
    {
      name: 'the payments Deployment and the GitLab runner on shared nodes',
      text: `${fixture('payments-shared.yaml')}---\n${runner}`,
      findings: [
        {
          range: '2:7-2:17',
          message:
            'Deployment payments/api is regulated (label compliance: pci-dss names PCI) and can ' +
            'be scheduled onto the same nodes (shared nodes) as Deployment ci/gitlab-runner, ' +
            'which run untrusted or privileged on the shared kernel: an escape from them reads ' +
            'this workload’s memory and secrets.',
        },
      ],
    },
    {
      name: 'a pool whose taint the untrusted workload tolerates',
      text: `${regulatedOnPool}---\n${fixture('tenant-notebooks.yaml').replace(
        'spec:\n',
        'spec:\n  tolerations: [{key: dedicated, operator: Exists}]\n',
      )}`,
      findings: [
        {
          range: '3:7-3:17',
          message:
            /onto the same nodes \(cloud.google.com\/gke-nodepool=hipaa\) as Pod tenant-acme/,
        },
      ],
    },
  ],
});
