import assert from 'node:assert/strict';
import { findRule } from '../../../../src/core/rules/registry.js';
import { testRule } from '../../../helpers/rule-tester.js';

const rule =
  findRule('seccomp-baseline') ?? assert.fail('the rule seccomp-baseline is not registered');

const service = (options: string) => `services:
  builder:
    image: moby/buildkit:v0.16.0
    security_opt:
${options}`;

testRule(rule, {
  valid: [
    {
      name: 'a profile file and other options',
      text: service('      - seccomp:./builder-seccomp.json\n      - no-new-privileges:true\n'),
      path: 'compose.yaml',
    },
    {
      name: 'AppArmor unconfined is the apparmor rule',
      text: service('      - apparmor:unconfined\n'),
      path: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'unconfined with either separator',
      text: service('      - seccomp:unconfined\n      - "seccomp=Unconfined"\n'),
      path: 'compose.yaml',
      findings: [
        { range: '5:9-5:27', message: /^Service "builder" runs without a seccomp profile/ },
        { range: '6:9-6:29' },
      ],
    },
  ],
});
