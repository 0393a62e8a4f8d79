import * as ape from '../../../../src/core/rules/pss/allow-privilege-escalation.js';
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

const windows = '\n  os: {name: windows}';

testRule(ape.allowPrivilegeEscalation, {
  valid: [
    { name: 'false', text: pod('      securityContext: {allowPrivilegeEscalation: false}\n') },
    { name: 'did not exist before 1.8', text: pod(''), options: { pssVersion: 'v1.7' } },
    {
      name: 'Windows pods are exempt from 1.25',
      text: pod('', windows),
      options: { pssVersion: 'v1.25' },
    },
  ],
  invalid: [
    {
      name: 'true is set to false',
      text: pod('      securityContext:\n        allowPrivilegeEscalation: true # sudo\n'),
      findings: [
        {
          range: '10:9-10:39',
          message: /^Privilege Escalation: container "app" sets allowPrivilegeEscalation=true/,
        },
      ],
      output: pod('      securityContext:\n        allowPrivilegeEscalation: false # sudo\n'),
    },
    {
      name: 'unset is inserted into the existing securityContext',
      text: pod('      securityContext:\n        runAsUser: 1000\n'),
      findings: [
        { range: '7:7-7:16', message: /must set securityContext.allowPrivilegeEscalation=false/ },
      ],
      output: pod(
        '      securityContext:\n        runAsUser: 1000\n' +
          '        allowPrivilegeEscalation: false\n',
      ),
    },
    {
      name: 'a securityContext key with no value is filled in',
      text: pod('      securityContext: # hardened below\n'),
      findings: [{ range: '7:7-7:16' }],
      output: pod(
        '      securityContext: # hardened below\n        allowPrivilegeEscalation: false\n',
      ),
    },
    {
      name: 'an empty flow securityContext, and Windows before 1.25',
      text: pod('      securityContext: {}\n', windows),
      options: { pssVersion: 'v1.24' },
      findings: [{ range: '8:7-8:16' }],
      output: pod('      securityContext: {allowPrivilegeEscalation: false}\n', windows),
    },
    {
      name: 'there is no pod-level setting: every container needs its own',
      text: `apiVersion: v1
kind: Pod
metadata: {name: demo}
spec:
  initContainers:
    - {name: init, image: busybox}
  containers:
    - {name: app, image: nginx, securityContext: {allowPrivilegeEscalation: false}}
`,
      findings: [{ range: '6:8-6:18' }],
      output: `apiVersion: v1
kind: Pod
metadata: {name: demo}
spec:
  initContainers:
    - {name: init, image: busybox, securityContext: {allowPrivilegeEscalation: false}}
  containers:
    - {name: app, image: nginx, securityContext: {allowPrivilegeEscalation: false}}
`,
    },
  ],
});
