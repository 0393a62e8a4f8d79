import assert from 'node:assert/strict';
import { findRule } from '../../../../src/core/rules/registry.js';
import { testRule } from '../../../helpers/rule-tester.js';

const rule = findRule('apparmor') ?? assert.fail('the rule apparmor is not registered');

const service = (options: string) => `services:
  builder:
    image: moby/buildkit:v0.16.0
    security_opt: ${options}
`;

testRule(rule, {
  valid: [
    { name: 'a named profile', text: service('["apparmor=docker-default"]'), path: 'compose.yaml' },
    {
      name: 'seccomp unconfined is the seccomp rule',
      text: service('[seccomp:unconfined]'),
      path: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'apparmor unconfined',
      text: service('[label:disable, apparmor:unconfined]'),
      path: 'compose.yaml',
      findings: [
        { range: '4:35-4:54', message: /^Service "builder" runs without an AppArmor profile/ },
      ],
    },
  ],
});
