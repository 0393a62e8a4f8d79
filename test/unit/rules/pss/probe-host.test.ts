import { probeHost } from '../../../../src/core/rules/pss/probe-host.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (probes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
${probes}
`;

const withHosts = pod(`      livenessProbe:
        httpGet:
          host: 169.254.169.254 # metadata service
          port: 80
      readinessProbe: {tcpSocket: {host: db.internal, port: 5432}}
      lifecycle:
        preStop:
          httpGet: {path: /drain, host: 10.0.0.1, port: 8080}`);

testRule(probeHost, {
  valid: [
    { name: 'no host', text: pod('      livenessProbe: {httpGet: {path: /, port: 80}}') },
    { name: 'empty host', text: pod('      livenessProbe: {httpGet: {host: "", port: 80}}') },
    { name: 'did not exist before 1.34', text: withHosts, options: { pssVersion: 'v1.33' } },
  ],
  invalid: [
    {
      name: 'probes and lifecycle hooks, block and flow; the host goes',
      text: withHosts,
      findings: [
        {
          range: '11:11-11:32',
          message: /^Probe and Lifecycle Host: container "app" sets livenessProbe.httpGet.host to/,
        },
        { range: '13:36-13:53', message: /readinessProbe.tcpSocket.host/ },
        { range: '16:35-16:49', message: /lifecycle.preStop.httpGet.host/ },
      ],
      output: pod(`      livenessProbe:
        httpGet:
          port: 80
      readinessProbe: {tcpSocket: {port: 5432}}
      lifecycle:
        preStop:
          httpGet: {path: /drain, port: 8080}`),
    },
  ],
});
