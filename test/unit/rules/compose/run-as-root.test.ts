import { runAsRoot } from '../../../../src/core/rules/compose/run-as-root.js';
import { testRule } from '../../../helpers/rule-tester.js';

const service = (lines: string) => `name: shop
services:
  web:
    image: ghcr.io/example/web:2.4.1
${lines}`;

testRule(runAsRoot, {
  valid: [
    {
      name: 'a numeric user and group',
      text: service('    user: "10001:10001"\n'),
      path: 'compose.yaml',
    },
    { name: 'a named user', text: service('    user: app\n'), path: 'compose.yaml' },
    { name: 'a variable', text: service('    user: "${UID}:${GID}"\n'), path: 'compose.yaml' },
    {
      name: 'a user from the service it extends, which extends another',
      text: `services:
  base:
    image: ghcr.io/example/web:2.4.1
    user: "10001"
  web:
    extends: {service: middle}
  middle:
    extends: base
`,
      path: 'compose.yaml',
    },
    {
      name: 'a user from a merged anchor',
      text: `x-runtime: &runtime
  user: "65532"
services:
  web:
    <<: *runtime
    image: ghcr.io/example/web:2.4.1
`,
      path: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'no user points at the service',
      text: service('    ports: ["8080:8080"]\n'),
      path: 'compose.yaml',
      findings: [
        {
          range: '3:3-3:6',
          message:
            'Service "web" sets no user, so it runs as the image\'s user: root, unless the ' +
            'image says otherwise.',
        },
      ],
    },
    {
      name: 'root by name, by id, with a group',
      text: `services:
  a:
    image: x
    user: root
  b:
    image: x
    user: 0
  c:
    image: x
    user: "0:1000"
  d:
    image: x
    user: "root:root"
  e:
    image: x
    user:
`,
      path: 'compose.yaml',
      findings: [
        { range: '4:5-4:15', message: 'Service "a" runs as root (user: root).' },
        { range: '7:5-7:12', message: 'Service "b" runs as root (user: 0).' },
        { range: '10:5-10:19', message: /user: 0:1000/ },
        { range: '13:5-13:22', message: /user: root:root/ },
        { range: '14:3-14:4', message: /"e" sets no user/ },
      ],
    },
  ],
});
