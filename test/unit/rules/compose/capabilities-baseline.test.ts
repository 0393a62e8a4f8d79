import assert from 'node:assert/strict';
import { findRule } from '../../../../src/core/rules/registry.js';
import { testRule } from '../../../helpers/rule-tester.js';

const rule =
  findRule('capabilities-baseline') ??
  assert.fail('the rule capabilities-baseline is not registered');

const service = (capabilities: string) => `services:
  proxy:
    image: envoyproxy/envoy:v1.31
    cap_add: ${capabilities}
`;

testRule(rule, {
  valid: [
    { name: 'a baseline capability', text: service('[NET_BIND_SERVICE]'), path: 'compose.yaml' },
    {
      name: 'the CAP_ prefix and lower case, as Docker accepts them',
      text: service('[CAP_CHOWN, setuid]'),
      path: 'compose.yaml',
    },
    { name: 'an empty list', text: service('[]'), path: 'compose.yaml' },
  ],
  invalid: [
    {
      name: 'extends joins the lists of the service it extends in the same file',
      text: `services:
  base:
    image: envoyproxy/envoy:v1.31
    cap_add: [NET_ADMIN]
  edge:
    extends: base
    cap_add: [SYS_PTRACE]
  other-file:
    extends: {file: common.yaml, service: base}
`,
      path: 'compose.yaml',
      findings: [
        { range: '4:15-4:24', message: /^Service "base" adds the capability NET_ADMIN/ },
        { range: '4:15-4:24', message: /^Service "edge" adds the capability NET_ADMIN/ },
        { range: '7:15-7:25', message: /^Service "edge" adds the capability SYS_PTRACE/ },
      ],
    },
    {
      name: 'capabilities beyond the baseline, each at its item',
      text: service('[NET_BIND_SERVICE, NET_ADMIN, cap_sys_ptrace]'),
      path: 'compose.yaml',
      findings: [
        { range: '4:33-4:42', message: /adds the capability NET_ADMIN/ },
        { range: '4:44-4:58', message: /adds the capability SYS_PTRACE/ },
      ],
    },
    {
      name: 'ALL',
      text: `services:
  proxy:
    image: envoyproxy/envoy:v1.31
    cap_add:
      - ALL
`,
      path: 'compose.yaml',
      findings: [
        {
          range: '5:9-5:12',
          message:
            'Service "proxy" adds the capability ALL, which Pod Security Baseline does not allow.',
        },
      ],
    },
  ],
});
