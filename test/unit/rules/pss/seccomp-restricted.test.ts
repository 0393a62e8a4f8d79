import { seccompRestricted } from '../../../../src/core/rules/pss/seccomp-restricted.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (podContext: string, app: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:${spec}
  securityContext: ${podContext}
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        ${app}
`;

testRule(seccompRestricted, {
  valid: [
    {
      name: 'pod-level RuntimeDefault',
      text: pod('{seccompProfile: {type: RuntimeDefault}}', 'runAsUser: 1'),
    },
    {
      name: 'container-level Localhost',
      text: pod('{}', 'seccompProfile: {type: Localhost, localhostProfile: p}'),
    },
    {
      name: 'did not exist before 1.19',
      text: pod('{}', 'runAsUser: 1'),
      options: { pssVersion: 'v1.18' },
    },
    {
      name: 'Windows pods are exempt from 1.25',
      text: pod('{}', 'runAsUser: 1', '\n  os: {name: windows}'),
      options: { pssVersion: 'v1.25' },
    },
    {
      name: 'an explicit Unconfined is left to seccomp-baseline',
      text: pod('{seccompProfile: {type: Unconfined}}', 'runAsUser: 1'),
    },
  ],
  invalid: [
    {
      name: 'unset everywhere: the container gets RuntimeDefault',
      text: pod('{}', 'runAsUser: 1000 # app user'),
      findings: [
        {
          range: '8:7-8:16',
          message:
            /^Seccomp \(Restricted\): container "app" must set seccompProfile.type to Runtime/,
        },
      ],
      output: pod(
        '{}',
        'runAsUser: 1000 # app user\n        seccompProfile:\n          type: RuntimeDefault',
      ),
    },
    {
      name: 'Windows pods are still checked at 1.24',
      text: pod('{}', 'runAsUser: 1', '\n  os: {name: windows}'),
      options: { pssVersion: 'v1.24' },
      findings: [{ range: '9:7-9:16' }],
      output: pod(
        '{}',
        'runAsUser: 1\n        seccompProfile:\n          type: RuntimeDefault',
        '\n  os: {name: windows}',
      ),
    },
  ],
});
