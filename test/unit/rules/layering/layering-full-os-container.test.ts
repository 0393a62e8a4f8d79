import { layeringFullOsContainer } from '../../../../src/core/rules/layering/layering-full-os-container.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: box
spec:
  containers:
    - name: box
      image: registry.example.com/box:1
      ${container}
`;

testRule(layeringFullOsContainer, {
  valid: [
    { name: 'a single-process service', text: pod('command: ["/app/server"]') },
    {
      name: 'a KubeVirt VM is where a full OS belongs',
      text: fixture('kubevirt-container-vm.yaml'),
    },
    {
      name: 'cAdvisor-style DaemonSets may mount the cgroup tree',
      text: fixture('node-agents.yaml'),
    },
  ],
  invalid: [
    {
      name: 'the legacy VM container running systemd, sshd and privileged',
      text: fixture('legacy-vm-container.yaml'),
      findings: [
        {
          range: '19:21-19:37',
          message:
            'StatefulSet erp/legacy-erp runs a whole operating system in a container (its ' +
            'entrypoint is /usr/sbin/init; it is privileged and listens for SSH on port 22; ...). ' +
            'It needs an init system, its own services and usually privileges, none of which a ' +
            'container boundary is made for: run it as a KubeVirt VirtualMachine, or split it ' +
            'into single-process containers.',
        },
      ],
    },
    {
      name: 'a script that starts sshd',
      text: pod('command: ["/bin/sh", "-c", "service ssh start && tail -f /dev/null"]'),
      findings: [{ range: '9:17-9:26', message: /its entrypoint starts an SSH server/ }],
    },
    {
      name: 'a script that starts several daemons',
      text: pod('args: ["service cron start; service rsyslog start; sleep infinity"]'),
      findings: [{ range: '9:14-9:73', message: /its entrypoint starts 2 daemons/ }],
    },
  ],
});
