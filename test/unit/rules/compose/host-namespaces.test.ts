import assert from 'node:assert/strict';
import { findRule } from '../../../../src/core/rules/registry.js';
import { testRule } from '../../../helpers/rule-tester.js';

const rule =
  findRule('host-namespaces') ?? assert.fail('the rule host-namespaces is not registered');

const service = (lines: string) => `services:
  app:
    image: nginx:1.27
${lines}`;

testRule(rule, {
  valid: [
    { name: 'own namespaces', text: service('    user: "101"\n'), path: 'compose.yaml' },
    {
      name: 'sharing another container is not the host',
      text: service('    network_mode: "service:vpn"\n    pid: "container:debugger"\n'),
      path: 'compose.yaml',
    },
    { name: 'a bridge network', text: service('    network_mode: bridge\n'), path: 'compose.yaml' },
  ],
  invalid: [
    {
      name: 'every host namespace key',
      text: service(
        '    network_mode: host\n    pid: host\n    ipc: host\n    uts: host\n' +
          '    userns_mode: "host"\n',
      ),
      path: 'compose.yaml',
      findings: [
        { range: '4:5-4:23', message: /sets network_mode: host.*network namespace/ },
        { range: '5:5-5:14', message: /sets pid: host.*process namespace/ },
        { range: '6:5-6:14', message: /IPC namespace/ },
        { range: '7:5-7:14', message: /hostname \(UTS\) namespace/ },
        { range: '8:5-8:24', message: /sets userns_mode: host.*user namespace/ },
      ],
    },
  ],
});
