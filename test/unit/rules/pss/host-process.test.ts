import { hostProcess } from '../../../../src/core/rules/pss/host-process.js';
import { testRule } from '../../../helpers/rule-tester.js';

testRule(hostProcess, {
  valid: [
    {
      name: 'hostProcess false at both levels',
      text: `apiVersion: v1
kind: Pod
metadata: {name: demo}
spec:
  securityContext: {windowsOptions: {hostProcess: false}}
  containers:
    - {name: app, securityContext: {windowsOptions: {hostProcess: false}}}
`,
    },
  ],
  invalid: [
    {
      name: 'pod and container level, block and flow',
      text: `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  securityContext:
    windowsOptions:
      hostProcess: true
  containers:
    - name: app
      image: w
      securityContext:
        windowsOptions: {hostProcess: true}
`,
      findings: [
        { range: '8:7-8:24', message: /^HostProcess: the pod sets/, severity: 'error' },
        { range: '13:26-13:43', message: /the container "app" sets/ },
      ],
      output: `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  securityContext:
    windowsOptions:
      hostProcess: false
  containers:
    - name: app
      image: w
      securityContext:
        windowsOptions: {hostProcess: false}
`,
    },
    {
      name: 'exists at the oldest version',
      options: { pssVersion: 'v1.0' },
      text: `apiVersion: v1
kind: Pod
metadata: {name: demo}
spec:
  containers:
    - {name: app, securityContext: {windowsOptions: {hostProcess: true}}}
`,
      findings: [{ range: '6:54-6:71' }],
      output: `apiVersion: v1
kind: Pod
metadata: {name: demo}
spec:
  containers:
    - {name: app, securityContext: {windowsOptions: {hostProcess: false}}}
`,
    },
  ],
});
