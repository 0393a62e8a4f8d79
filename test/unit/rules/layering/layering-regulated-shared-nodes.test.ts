import { layeringRegulatedSharedNodes } from '../../../../src/core/rules/layering/layering-regulated-shared-nodes.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const pinning = {
  layering: {
    fixes: {
      nodeSelector: { 'cloud.google.com/gke-nodepool': 'pci' },
      toleration: { key: 'dedicated', value: 'pci' },
    },
  },
};

const deployment = (labels: string, spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: payments
  labels:
    ${labels}
spec:
  template:
    spec:
      ${spec}
      containers:
        - name: api
          image: registry.example.com/payments/api:4.2.1
`;

testRule(layeringRegulatedSharedNodes, {
  valid: [
    {
      name: 'a regulated workload on a dedicated, tainted pool',
      text: fixture('dedicated-regulated.yaml'),
    },
    {
      name: 'an unregulated service on shared nodes',
      text: deployment('app: api', 'priorityClassName: high'),
    },
    {
      name: 'pod-security labels are not data classification',
      text: deployment('pod-security.kubernetes.io/enforce: restricted', 'priorityClassName: high'),
    },
  ],
  invalid: [
    {
      name: 'the payments Deployment labelled pci-dss, no fix configured',
      text: fixture('payments-shared.yaml'),
      findings: [
        {
          range: '2:7-2:17',
          message:
            'Deployment payments/api is regulated (label compliance: pci-dss names PCI) but runs ' +
            'on shared nodes (no nodeSelector or required node affinity on a node-pool label); ' +
            'its layers: shared kernel, shared nodes, baseline. Pin it to a dedicated pool: a ' +
            'nodeSelector on the pool label and a toleration of the pool’s NoSchedule taint.',
        },
      ],
    },
    {
      name: 'the fix adds the configured nodeSelector and toleration',
      text: deployment('data-classification: confidential', 'priorityClassName: high'),
      options: pinning,
      findings: [{ range: '2:7-2:17', message: /classifies its data/ }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: payments
  labels:
    data-classification: confidential
spec:
  template:
    spec:
      priorityClassName: high
      containers:
        - name: api
          image: registry.example.com/payments/api:4.2.1
      nodeSelector:
        cloud.google.com/gke-nodepool: pci
      tolerations:
        - {key: dedicated, operator: Equal, value: pci, effect: NoSchedule}
`,
    },
    {
      name: 'pinned to a pool whose taint it does not tolerate: the pool is open to all',
      text: deployment('compliance: hipaa', 'nodeSelector: {cloud.google.com/gke-nodepool: pci}'),
      options: pinning,
      findings: [{ range: '11:22-11:56', message: /pinned to a pool, but tolerates no taint/ }],
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: payments
  labels:
    compliance: hipaa
spec:
  template:
    spec:
      nodeSelector: {cloud.google.com/gke-nodepool: pci}
      containers:
        - name: api
          image: registry.example.com/payments/api:4.2.1
      tolerations:
        - {key: dedicated, operator: Equal, value: pci, effect: NoSchedule}
`,
    },
    {
      name: 'a namespace named for the regime, and roles declared by annotation',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: sox-finance
spec:
  template:
    spec:
      containers: [{name: ledger, image: ledger:1}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reports
  annotations:
    layerwise.dev/roles: regulated, service
spec:
  template:
    spec:
      containers: [{name: reports, image: reports:1}]
`,
      findings: [
        { range: '2:7-2:17', message: /namespace sox-finance is named for SOX/ },
        { range: '12:7-12:17', message: /annotation layerwise.dev\/roles declares it/ },
      ],
    },
  ],
});
