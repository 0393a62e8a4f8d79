import { capabilitiesRestricted } from '../../../../src/core/rules/pss/capabilities-restricted.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (container: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:${spec}
  containers:
    - name: app
      image: nginx:1.27
${container}`;

testRule(capabilitiesRestricted, {
  valid: [
    {
      name: 'drops ALL and adds NET_BIND_SERVICE',
      text: pod(
        '      securityContext:\n        capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}\n',
      ),
    },
    {
      name: 'did not exist before 1.22',
      text: pod(''),
      options: { pssVersion: 'v1.21' },
    },
    {
      name: 'Windows pods are exempt from 1.25',
      text: pod('', '\n  os: {name: windows}'),
      options: { pssVersion: 'v1.25' },
    },
    {
      name: 'baseline profile drops the restricted findings',
      text: pod(''),
      options: { profile: 'baseline' },
    },
  ],
  invalid: [
    {
      name: 'no securityContext: points at the container and creates the path',
      text: pod(''),
      findings: [
        {
          range: '7:7-7:16',
          message: /^Capabilities \(Restricted\): container "app" must set/,
          severity: 'warning',
        },
      ],
      output: pod(
        '      securityContext:\n        capabilities:\n          drop:\n            - ALL\n',
      ),
    },
    {
      name: 'Windows pods are still checked at 1.24',
      text: pod('', '\n  os: {name: windows}'),
      options: { pssVersion: 'v1.24' },
      findings: [{ range: '8:7-8:16' }],
      output: pod(
        '      securityContext:\n        capabilities:\n          drop:\n            - ALL\n',
        '\n  os: {name: windows}',
      ),
    },
    {
      name: 'a drop list without ALL gets ALL appended; lower case all does not count',
      text: pod(
        '      securityContext:\n        capabilities:\n          drop:\n            - all\n',
      ),
      findings: [{ range: '11:11-12:18' }],
      output: pod(
        '      securityContext:\n        capabilities:\n          drop:\n' +
          '            - all\n            - ALL\n',
      ),
    },
    {
      name: 'a default capability other than NET_BIND_SERVICE is removed',
      text: pod(
        '      securityContext:\n' +
          '        capabilities: {drop: [ALL], add: [CHOWN, NET_BIND_SERVICE]}\n',
      ),
      findings: [{ range: '10:43-10:48', message: /adds CHOWN; only NET_BIND_SERVICE/ }],
      output: pod(
        '      securityContext:\n        capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}\n',
      ),
    },
    {
      name: 'a capability outside the default set is left to capabilities-baseline',
      text: pod('      securityContext:\n        capabilities: {drop: [ALL], add: [SYS_ADMIN]}\n'),
      findings: [],
    },
  ],
});
