import { hostNamespaces } from '../../../../src/core/rules/pss/host-namespaces.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (settings: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
${settings}
  containers:
    - name: app
      image: nginx:1.27
`;

testRule(hostNamespaces, {
  valid: [
    { name: 'nothing shared', text: pod('  hostNetwork: false') },
    { name: 'a string is not a boolean', text: pod('  hostPID: "true"') },
  ],
  invalid: [
    {
      name: 'all three namespaces, each fixed to false',
      text: pod('  hostNetwork: true # node agent\n  hostPID: yes\n  hostIPC: true'),
      findings: [
        { range: '6:3-6:20', message: /^Host Namespaces: hostNetwork=true/ },
        { range: '7:3-7:15', message: /hostPID=true/ },
        { range: '8:3-8:16', message: /hostIPC=true/ },
      ],
      output: pod('  hostNetwork: false # node agent\n  hostPID: false\n  hostIPC: false'),
    },
  ],
});
