import { runAsUser } from '../../../../src/core/rules/pss/run-as-user.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (podUser: string, appUser: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:${spec}
  securityContext:
    runAsUser: ${podUser}
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: ${appUser}
`;

testRule(runAsUser, {
  valid: [
    { name: 'non-zero users', text: pod('1000', '65534') },
    { name: 'did not exist before 1.23', text: pod('0', '0'), options: { pssVersion: 'v1.22' } },
    {
      name: 'hostUsers: false is exempt from 1.35',
      text: pod('0', '0', '\n  hostUsers: false'),
      options: { pssVersion: 'v1.35' },
    },
  ],
  invalid: [
    {
      name: 'root at pod and container level',
      text: pod('0', '0 # legacy image'),
      findings: [
        { range: '7:5-7:17', message: /^Running as Non-root user: the pod sets runAsUser=0/ },
        {
          range: '12:9-12:21',
          message: /the container "app" sets runAsUser=0/,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'from 1.23, and hostUsers: false before 1.35',
      text: pod('1000', '0', '\n  hostUsers: false'),
      options: { pssVersion: 'v1.23' },
      findings: [{ range: '13:9-13:21' }],
    },
  ],
});
