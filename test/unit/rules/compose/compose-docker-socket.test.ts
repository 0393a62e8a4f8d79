import { composeDockerSocket } from '../../../../src/core/rules/compose/compose-docker-socket.js';
import { testRule } from '../../../helpers/rule-tester.js';

const service = (volumes: string) => `services:
  ci-runner:
    image: gitlab/gitlab-runner:v17.5.0
    volumes:
${volumes}`;

testRule(composeDockerSocket, {
  valid: [
    {
      name: 'named volumes and ordinary bind mounts',
      text: service('      - runner-config:/etc/gitlab-runner\n      - ./builds:/builds\n'),
      path: 'compose.yaml',
    },
    {
      name: 'a socket-like name of a named volume',
      text: service('      - docker.sock:/var/run/docker.sock\n'),
      path: 'compose.yaml',
    },
    {
      name: 'a long-syntax volume, not a bind mount',
      text: service('      - type: volume\n        source: sockets\n        target: /var/run\n'),
      path: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'the Docker socket in the short syntax, also read-only',
      text: service('      - /var/run/docker.sock:/var/run/docker.sock:ro\n'),
      path: 'compose.yaml',
      findings: [
        {
          range: '5:9-5:53',
          message:
            'Service "ci-runner" mounts the container runtime socket /var/run/docker.sock: it can ' +
            'start a privileged container and so controls the host, even when mounted read-only.',
        },
      ],
    },
    {
      name: 'the long syntax points at its source, other runtimes and odd slashes count',
      text: service(
        '      - type: bind\n        source: //run/podman/podman.sock\n        target: /sock\n' +
          '      - /run/:/host-run\n' +
          '      - ${HOME}/.docker/run/docker.sock:/var/run/docker.sock\n',
      ),
      path: 'compose.yaml',
      findings: [
        { range: '6:9-6:41', message: /socket \/run\/podman\/podman\.sock/ },
        { range: '8:9-8:24', message: /mounts \/run, which holds the container runtime socket/ },
        { range: '9:9-9:61', message: /socket \$\{HOME\}\/\.docker\/run\/docker\.sock/ },
      ],
    },
  ],
});
