import { procMount } from '../../../../src/core/rules/pss/proc-mount.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (value: string, hostUsers = '') => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:${hostUsers}
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        procMount: ${value}
`;

const userNamespace = '\n  hostUsers: false';

testRule(procMount, {
  valid: [
    { name: 'Default', text: pod('Default') },
    {
      name: 'a pod in a user namespace may unmask /proc from 1.35 (baseline)',
      text: pod('Unmasked', userNamespace),
      options: { pssVersion: 'v1.35', profile: 'baseline' },
    },
  ],
  invalid: [
    {
      name: 'Unmasked',
      text: pod('Unmasked # for nested containers'),
      findings: [
        {
          range: '10:9-10:28',
          message: /^Proc Mount Type: container "app" sets procMount to Unmasked/,
        },
      ],
      output: pod('Default # for nested containers'),
    },
    {
      name: 'hostUsers: false does not relax 1.34',
      text: pod('Unmasked', userNamespace),
      options: { pssVersion: 'v1.34', profile: 'baseline' },
      findings: [{ range: '11:9-11:28' }],
      output: pod('Default', userNamespace),
    },
    {
      name: 'a pod in a user namespace still fails Restricted from 1.35, as a warning',
      text: pod('Unmasked', userNamespace),
      options: { pssVersion: 'v1.35', profile: 'restricted' },
      findings: [{ range: '11:9-11:28', severity: 'warning' }],
      output: pod('Default', userNamespace),
    },
    {
      name: 'hostUsers: true is no user namespace',
      text: pod('Unmasked', '\n  hostUsers: true'),
      findings: [{ range: '11:9-11:28' }],
      output: pod('Default', '\n  hostUsers: true'),
    },
  ],
});
