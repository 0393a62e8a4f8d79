import { runAsNonRoot } from '../../../../src/core/rules/pss/run-as-non-root.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (podContext: string, app: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:${spec}
  securityContext: ${podContext}
  initContainers:
    - name: init
      image: busybox
  containers:
    - name: app
      image: nginx:1.27
      securityContext: ${app}
`;

testRule(runAsNonRoot, {
  valid: [
    {
      name: 'pod-level true covers containers that leave it unset',
      text: pod('{runAsNonRoot: true}', '{}'),
    },
    {
      name: 'every container true, pod unset',
      text: `apiVersion: v1
kind: Pod
metadata: {name: demo}
spec:
  containers:
    - {name: a, securityContext: {runAsNonRoot: true}}
    - {name: b, securityContext: {runAsNonRoot: true}}
`,
    },
    {
      name: 'hostUsers: false is exempt from 1.35',
      text: pod('{runAsNonRoot: false}', '{}', '\n  hostUsers: false'),
      options: { pssVersion: 'v1.35' },
    },
  ],
  invalid: [
    {
      name: 'unset everywhere: each container is reported and gets its own setting',
      text: pod('{}', '{runAsUser: 1000}'),
      findings: [
        {
          range: '8:7-8:17',
          message: /^Running as Non-root: container "init" must set runAsNonRoot=true/,
        },
        { range: '11:7-11:16', message: /container "app"/ },
      ],
      output: pod('{}', '{runAsUser: 1000, runAsNonRoot: true}').replace(
        '      image: busybox\n',
        '      image: busybox\n      securityContext:\n        runAsNonRoot: true\n',
      ),
    },
    {
      name: 'a container overrides the pod with false',
      text: pod('{runAsNonRoot: true}', '{runAsNonRoot: false}'),
      findings: [{ range: '13:25-13:44', message: /the container "app" sets runAsNonRoot=false/ }],
      output: pod('{runAsNonRoot: true}', '{runAsNonRoot: true}'),
    },
    {
      name: 'an explicit pod-level false is reported alone, as upstream does',
      text: pod('{runAsNonRoot: false}', '{}'),
      findings: [{ range: '6:21-6:40', message: /the pod sets runAsNonRoot=false/ }],
      output: pod('{runAsNonRoot: true}', '{}'),
    },
    {
      name: 'hostUsers: false is checked before 1.35',
      text: pod('{runAsNonRoot: false}', '{}', '\n  hostUsers: false'),
      options: { pssVersion: 'v1.34' },
      findings: [{ range: '7:21-7:40' }],
      output: pod('{runAsNonRoot: true}', '{}', '\n  hostUsers: false'),
    },
  ],
});
