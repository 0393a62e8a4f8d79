import { selinux } from '../../../../src/core/rules/pss/selinux.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (podOptions: string, containerOptions: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  securityContext:
    seLinuxOptions: ${podOptions}
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seLinuxOptions: ${containerOptions}
`;

testRule(selinux, {
  valid: [
    {
      name: 'container types and a level',
      text: pod('{type: container_t, level: "s0:c1,c2"}', '{type: container_init_t}'),
    },
    {
      name: 'empty type, user and role',
      text: pod('{type: "", user: "", role: ""}', '{type: container_kvm_t}'),
    },
    {
      name: 'container_engine_t from 1.31',
      text: pod('{}', '{type: container_engine_t}'),
      options: { pssVersion: 'v1.31' },
    },
  ],
  invalid: [
    {
      name: 'container_engine_t before 1.31',
      text: pod('{}', '{type: container_engine_t}'),
      options: { pssVersion: 'v1.30' },
      findings: [
        {
          range: '12:26-12:50',
          message: /^SELinux: the container "app" sets seLinuxOptions.type to "container_engine_t"/,
        },
      ],
    },
    {
      name: 'type, user and role at both levels',
      text: pod('{type: spc_t}', '{user: system_u, role: system_r}'),
      findings: [
        { range: '7:22-7:33', message: /the pod sets seLinuxOptions.type to "spc_t"/ },
        { range: '12:26-12:40', message: /seLinuxOptions.user/ },
        { range: '12:42-12:56', message: /seLinuxOptions.role/ },
      ],
    },
  ],
});
