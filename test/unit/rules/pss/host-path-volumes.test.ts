import { hostPathVolumes } from '../../../../src/core/rules/pss/host-path-volumes.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
${volumes}
`;

testRule(hostPathVolumes, {
  valid: [
    {
      name: 'emptyDir and configMap',
      text: pod('    - {name: a, emptyDir: {}}\n    - {name: b, configMap: {name: c}}'),
    },
  ],
  invalid: [
    {
      name: 'block hostPath, the span ends with the value, not the comment after it',
      text: pod(
        '    - name: logs\n      hostPath:\n        path: /var/log\n' +
          '    # next\n    - {name: x, emptyDir: {}}',
      ),
      findings: [{ range: '11:7-12:23', message: /^HostPath Volumes: volume "logs"/ }],
    },
    {
      name: 'flow hostPath at the oldest version',
      options: { pssVersion: 'v1.0' },
      text: pod('    - {name: root, hostPath: {path: /}}'),
      findings: [{ range: '10:20-10:39', severity: 'error' }],
    },
  ],
});
