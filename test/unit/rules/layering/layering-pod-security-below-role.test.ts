import { layeringPodSecurityBelowRole } from '../../../../src/core/rules/layering/layering-pod-security-below-role.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

testRule(layeringPodSecurityBelowRole, {
  valid: [
    { name: 'a restricted regulated workload', text: fixture('dedicated-regulated.yaml') },
    { name: 'a restricted tenant notebook', text: fixture('tenant-notebooks.yaml') },
    {
      name: 'plain services are left to the Pod Security rules',
      text: fixture('vllm-inference.yaml'),
    },
    {
      name: 'virtual machines have no pod spec to judge',
      text: fixture('kubevirt-container-vm.yaml'),
    },
  ],
  invalid: [
    {
      name: 'the payments Deployment meets only baseline',
      text: fixture('payments-shared.yaml'),
      findings: [
        {
          range: '20:11-20:20',
          message:
            'Deployment payments/api is regulated (label compliance: pci-dss names PCI) and ' +
            'needs ' +
            'restricted pods, but they meet only baseline (fails the restricted check ' +
            'capabilities_restricted; fails the restricted check runAsNonRoot; fails the ' +
            'restricted check seccompProfile_restricted); its layers: shared kernel, shared ' +
            'nodes, baseline.',
        },
      ],
    },
    {
      name: 'a privileged GitLab runner, whatever the profile',
      text: fixture('gitlab-runner.yaml'),
      options: { profile: 'baseline' },
      findings: [
        {
          range: '21:13-21:29',
          message: /untrusted .* meet only privileged \(fails the baseline check privileged\)/,
        },
      ],
    },
  ],
});
