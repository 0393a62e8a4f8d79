import { privileged } from '../../../../src/core/rules/pss/privileged.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (securityContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        ${securityContext}
`;

testRule(privileged, {
  valid: [
    { name: 'no security context', text: pod('runAsNonRoot: true') },
    { name: 'privileged false', text: pod('privileged: false') },
    { name: 'privileged as a quoted string is not a boolean', text: pod('privileged: "true"') },
  ],
  invalid: [
    {
      name: 'privileged true',
      text: pod('privileged: true # needed for the legacy agent'),
      findings: [
        { range: '10:9-10:25', message: /^Privileged Containers: container "app" is privileged/ },
      ],
      output: pod('privileged: false # needed for the legacy agent'),
    },
    {
      name: 'checked from the oldest policy version',
      text: pod('privileged: true'),
      options: { pssVersion: 'v1.0' },
      findings: [{ range: '10:9-10:25', severity: 'error' }],
      output: pod('privileged: false'),
    },
    {
      name: 'YAML 1.1 yes, as Kubernetes reads it',
      text: pod('privileged: yes'),
      findings: [{ range: '10:9-10:24' }],
      output: pod('privileged: false'),
    },
    {
      name: 'init and ephemeral containers count too',
      text: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
        - {name: setup, securityContext: {privileged: true}}
      containers:
        - {name: app}
      ephemeralContainers:
        - {name: debug, securityContext: {privileged: true}}
`,
      findings: [
        { range: '8:43-8:59', message: /"setup"/ },
        { range: '12:43-12:59', message: /"debug"/ },
      ],
      output: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
        - {name: setup, securityContext: {privileged: false}}
      containers:
        - {name: app}
      ephemeralContainers:
        - {name: debug, securityContext: {privileged: false}}
`,
    },
  ],
});
