import assert from 'node:assert/strict';
import { findRule } from '../../../../src/core/rules/registry.js';
import { testRule } from '../../../helpers/rule-tester.js';

const rule = findRule('privileged') ?? assert.fail('the rule privileged is not registered');

const service = (line: string) => `services:
  agent:
    image: example/agent:1.9
    user: "10001"
    ${line}
`;

testRule(rule, {
  valid: [
    { name: 'no privileged key', text: service('read_only: true'), path: 'compose.yaml' },
    { name: 'privileged false', text: service('privileged: false'), path: 'compose.yaml' },
    {
      name: 'a variable is decided when Compose runs',
      text: service('privileged: ${AGENT_PRIVILEGED:-false}'),
      path: 'compose.yaml',
    },
    {
      name: 'a privileged key outside services is not a service setting',
      text: 'x-notes:\n  privileged: true\n' + service('read_only: true'),
      path: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'privileged true, any file name',
      text: service('privileged: true # reads the host sensors'),
      path: 'deploy/agent.yml',
      findings: [{ range: '5:5-5:21', message: /^Service "agent" is privileged/ }],
      output: service('privileged: false # reads the host sensors'),
    },
    {
      name: 'a string Compose reads as a boolean',
      text: service('privileged: "yes"'),
      path: 'compose.yaml',
      findings: [{ range: '5:5-5:22' }],
      output: service('privileged: false'),
    },
    {
      name: 'inherited from an anchor through a merge key, reported where it is written',
      text: `x-host-access: &host-access
  privileged: true
services:
  agent:
    <<: *host-access
    image: example/agent:1.9
`,
      path: 'compose.yaml',
      findings: [{ range: '2:3-2:19', message: /"agent"/ }],
      output: `x-host-access: &host-access
  privileged: false
services:
  agent:
    <<: *host-access
    image: example/agent:1.9
`,
    },
  ],
});
