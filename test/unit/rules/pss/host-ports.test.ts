import { hostPorts } from '../../../../src/core/rules/pss/host-ports.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (ports: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  initContainers:
    - name: init
      image: busybox
      ports: [{containerPort: 53, hostPort: 53}]
  containers:
    - name: app
      image: nginx:1.27
      ports:
${ports}
`;

testRule(hostPorts, {
  valid: [
    {
      name: 'hostPort 0 means none',
      text: pod('        - containerPort: 80\n          hostPort: 0').replace(
        'hostPort: 53}',
        'hostPort: 0}',
      ),
    },
  ],
  invalid: [
    {
      name: 'init and regular containers',
      text: pod('        - containerPort: 80\n          hostPort: 8080 # debug'),
      findings: [
        { range: '9:35-9:47', message: /^Host Ports: container "init" binds port 53/ },
        { range: '15:11-15:25', message: /container "app" binds port 8080/ },
      ],
    },
  ],
});
