import assert from 'node:assert/strict';
import { findRule } from '../../../../src/core/rules/registry.js';
import { testRule } from '../../../helpers/rule-tester.js';

const rule = findRule('proc-mount') ?? assert.fail('the rule proc-mount is not registered');

const service = (options: string) => `services:
  builder:
    image: moby/buildkit:v0.16.0-rootless
    security_opt: ${options}
`;

testRule(rule, {
  valid: [
    { name: 'no option', text: service('[]'), path: 'compose.yaml' },
    {
      name: 'other options',
      text: service('[no-new-privileges:true, seccomp=unconfined]'),
      path: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'systempaths unconfined',
      text: service('["systempaths=unconfined"]'),
      path: 'compose.yaml',
      findings: [
        {
          range: '4:20-4:44',
          message:
            'Service "builder" sets systempaths=unconfined, which unmasks kernel files in /proc ' +
            "and /sys that reveal or change the host's state.",
        },
      ],
    },
  ],
});
