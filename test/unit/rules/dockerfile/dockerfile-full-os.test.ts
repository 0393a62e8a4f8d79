import { dockerfileFullOs } from '../../../../src/core/rules/dockerfile/dockerfile-full-os.js';
import { testRule } from '../../../helpers/rule-tester.js';

testRule(dockerfileFullOs, {
  valid: [
    {
      name: 'tini as a minimal init and the SSH client',
      text: `FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini openssh-client
EXPOSE 8080
ENTRYPOINT ["tini", "--"]
CMD ["app"]
`,
      path: 'Dockerfile',
    },
    {
      name: 'an SSH server in a builder stage the final stage does not start from',
      text: `FROM ubuntu:22.04 AS test-host
RUN apt-get install -y openssh-server
EXPOSE 22
FROM gcr.io/distroless/static:nonroot
CMD ["/app"]
`,
      path: 'Dockerfile',
    },
    {
      name: 'the package name as a word of something else',
      text: 'FROM alpine:3.20\nRUN echo openssh-server > /notes.txt\n',
      path: 'Dockerfile',
    },
    {
      name: 'a sign ignored by a pragma on the line before',
      text: 'FROM alpine:3.20\n# layerwise ignore=dockerfile-full-os\nEXPOSE 22\n',
      path: 'Dockerfile',
    },
  ],
  invalid: [
    {
      name: 'systemd, sshd installed across continuation lines, port 22',
      text: `FROM ubuntu:22.04
RUN apt-get update && \\
    apt-get install -y \\
      # the server for remote log-ins
      openssh-server=1:8.9p1-3ubuntu0.10 \\
      systemd
EXPOSE 22/tcp 8080
CMD ["/lib/systemd/systemd"]
`,
      path: 'Dockerfile',
      findings: [
        {
          range: '5:7-5:41',
          message:
            'The image installs the SSH server package openssh-server=1:8.9p1-3ubuntu0.10: ' +
            'log-ins belong to machines, not to containers.',
        },
        {
          range: '7:8-7:14',
          message: 'The image exposes port 22, the SSH port of a machine to log in to.',
        },
        { range: '8:6-8:28', message: /starts \/lib\/systemd\/systemd, an init system/ },
      ],
    },
    {
      name: 'sshd as the shell-form command, Alpine in a heredoc, inherited stage',
      text: `FROM alpine:3.20 AS base
RUN <<EOF
set -e
apk add --no-cache openssh
EOF
FROM base
ENTRYPOINT exec /usr/sbin/sshd -D -e
`,
      path: 'images/bastion.dockerfile',
      findings: [
        { range: '4:20-4:27', message: /package openssh:/ },
        { range: '7:17-7:31', message: /starts the SSH server \/usr\/sbin\/sshd/ },
      ],
    },
    {
      name: 'init as the command, and the escape directive',
      text: '# escape=`\nFROM fedora:40\nRUN dnf install -y `\n    openssh-server`\n    vim\nCMD ["/sbin/init"]\n',
      path: 'Dockerfile',
      findings: [{ range: '4:5-4:19' }, { range: '6:6-6:18', message: /init system/ }],
    },
  ],
});
