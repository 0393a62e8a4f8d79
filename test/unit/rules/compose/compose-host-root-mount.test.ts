import { composeHostRootMount } from '../../../../src/core/rules/compose/compose-host-root-mount.js';
import { testRule } from '../../../helpers/rule-tester.js';

const service = (volumes: string) => `services:
  node-exporter:
    image: prom/node-exporter:v1.8.2
    volumes:
${volumes}`;

testRule(composeHostRootMount, {
  valid: [
    {
      name: 'host folders other than the root',
      text: service('      - /proc:/host/proc:ro\n      - /sys:/host/sys:ro\n'),
      path: 'compose.yaml',
    },
    {
      name: 'a relative path',
      text: service('      - .:/workspace\n'),
      path: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'the root read-only in the short syntax',
      text: service('      - /:/host:ro,rslave\n'),
      path: 'compose.yaml',
      findings: [
        {
          range: '5:9-5:26',
          message:
            'Service "node-exporter" mounts the host\'s root file system at /host: even ' +
            'read-only it sees every secret and key stored on the host.',
        },
      ],
    },
    {
      name: 'the root writable in the long syntax',
      text: service('      - type: bind\n        source: /\n        target: /rootfs\n'),
      path: 'compose.yaml',
      findings: [{ range: '6:9-6:18', message: /root file system writable at \/rootfs/ }],
    },
  ],
});
