import { composeDevices } from '../../../../src/core/rules/compose/compose-devices.js';
import { testRule } from '../../../helpers/rule-tester.js';

const service = (lines: string) => `services:
  transcoder:
    image: jellyfin/jellyfin:10.9
${lines}`;

testRule(composeDevices, {
  valid: [
    { name: 'no devices', text: service('    user: "1000"\n'), path: 'compose.yaml' },
    {
      name: 'GPUs reserved through deploy resources',
      text: service(
        '    deploy:\n      resources:\n        reservations:\n          devices:\n' +
          '            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n',
      ),
      path: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'short and long device syntax, and cgroup rules',
      text: service(
        '    devices:\n      - /dev/dri/renderD128:/dev/dri/renderD128\n' +
          '      - source: /dev/kfd\n        target: /dev/kfd\n' +
          '    device_cgroup_rules:\n      - "c 226:* rmw"\n',
      ),
      path: 'compose.yaml',
      findings: [
        {
          range: '5:9-5:48',
          message:
            'Service "transcoder" is given the host device /dev/dri/renderD128: the host ' +
            "kernel's driver for it becomes part of what the container can attack.",
        },
        { range: '6:9-6:25', message: /host device \/dev\/kfd/ },
        {
          range: '9:9-9:22',
          message:
            'Service "transcoder" has the device cgroup rule "c 226:* rmw", which opens host devices to it.',
        },
      ],
    },
  ],
});
