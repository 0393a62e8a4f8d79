import { sysctls } from '../../../../src/core/rules/pss/sysctls.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  securityContext:
    sysctls:
      - name: ${name}
        value: "1"
  containers:
    - name: app
      image: nginx:1.27
`;

const at = (pssVersion: string) => ({ pssVersion });

testRule(sysctls, {
  valid: [
    { name: 'a 1.0 sysctl', text: pod('net.ipv4.ping_group_range'), options: at('v1.0') },
    {
      name: 'ip_local_reserved_ports from 1.27',
      text: pod('net.ipv4.ip_local_reserved_ports'),
      options: at('v1.27'),
    },
    {
      name: 'tcp_keepalive_time from 1.29',
      text: pod('net.ipv4.tcp_keepalive_time'),
      options: at('v1.29'),
    },
    { name: 'tcp_rmem from 1.32', text: pod('net.ipv4.tcp_rmem'), options: at('v1.32') },
    {
      name: 'tcp_notsent_lowat from 1.37',
      text: pod('net.ipv4.tcp_notsent_lowat'),
      options: at('v1.37'),
    },
    {
      name: 'tcp_slow_start_after_idle at latest',
      text: pod('net.ipv4.tcp_slow_start_after_idle'),
    },
  ],
  invalid: [
    {
      name: 'ip_local_reserved_ports before 1.27',
      text: pod('net.ipv4.ip_local_reserved_ports'),
      options: at('v1.26'),
      findings: [
        {
          range: '8:9-8:47',
          message: /^Sysctls: net.ipv4.ip_local_reserved_ports is not in the safe set/,
        },
      ],
    },
    {
      name: 'tcp_fin_timeout before 1.29',
      text: pod('net.ipv4.tcp_fin_timeout'),
      options: at('v1.28'),
      findings: [{ range: '8:9-8:39' }],
    },
    {
      name: 'tcp_wmem before 1.32',
      text: pod('net.ipv4.tcp_wmem'),
      options: at('v1.31'),
      findings: [{ range: '8:9-8:32' }],
    },
    {
      name: 'tcp_slow_start_after_idle before 1.37',
      text: pod('net.ipv4.tcp_slow_start_after_idle'),
      options: at('v1.36'),
      findings: [{ range: '8:9-8:49' }],
    },
    {
      name: 'an unsafe sysctl at latest',
      text: pod('kernel.msgmax'),
      findings: [{ range: '8:9-8:28', severity: 'error' }],
    },
  ],
});
