import assert from 'node:assert/strict';
import { findRule } from '../../../../src/core/rules/registry.js';
import { testRule } from '../../../helpers/rule-tester.js';

const rule = findRule('selinux') ?? assert.fail('the rule selinux is not registered');

const service = (options: string) => `services:
  web:
    image: nginx:1.27
    security_opt:
${options}`;

testRule(rule, {
  valid: [
    {
      name: 'a container type and a level',
      text: service('      - label=type:container_t\n      - label:level:s0:c100,c200\n'),
      path: 'compose.yaml',
    },
    {
      name: 'no label options',
      text: service('      - apparmor=unconfined\n'),
      path: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'disable, a super-privileged type, a user and a role',
      text: service(
        '      - label=disable\n      - label:type:spc_t\n      - label=user:system_u\n' +
          '      - label=role:system_r\n',
      ),
      path: 'compose.yaml',
      findings: [
        { range: '5:9-5:22', message: /sets label=disable/ },
        {
          range: '6:9-6:25',
          message:
            'Service "web" sets the SELinux type "spc_t"; only the container types keep the ' +
            'process confined.',
        },
        {
          range: '7:9-7:28',
          message: 'Service "web" sets an SELinux user, which must stay unset.',
        },
        { range: '8:9-8:28', message: /SELinux role/ },
      ],
    },
  ],
});
