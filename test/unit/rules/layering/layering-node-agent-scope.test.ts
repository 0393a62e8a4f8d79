import { layeringNodeAgentScope } from '../../../../src/core/rules/layering/layering-node-agent-scope.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const agent = (namespace: string, mount: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: ${namespace}
spec:
  template:
    spec:
      containers:
        - name: agent
          image: registry.example.com/agent:1
          volumeMounts:
            - ${mount}
      volumes:
        - name: proc
          hostPath: {path: /proc}
`;

testRule(layeringNodeAgentScope, {
  valid: [
    {
      name: 'node-exporter: read-only root, host namespaces, in monitoring',
      text: fixture('node-agents.yaml').split('---')[0] ?? '',
    },
    {
      name: 'a read-only mount in a *-system namespace',
      text: agent('agents-system', '{name: proc, mountPath: /host/proc, readOnly: true}'),
    },
    {
      name: 'a DaemonSet without host access is no node agent',
      text: fixture('payments-shared.yaml').replace('kind: Deployment', 'kind: DaemonSet'),
    },
  ],
  invalid: [
    {
      name: 'Fluent Bit: privileged, writable /var/log, outside the system namespaces',
      text: fixture('node-agents.yaml'),
      findings: [
        {
          range: '34:14-34:18',
          message:
            'DaemonSet apps/fluent-bit is a node agent (a DaemonSet runs on every node; it ' +
            'mounts ' +
            "the host's /var/log; ...) in namespace apps: node-level access belongs in a system " +
            'namespace (kube-system, monitoring, logging, *-system) that only platform admins ' +
            'can ' +
            'deploy to.',
        },
        { range: '50:13-50:29', message: /container "fluent-bit" is privileged/ },
        { range: '53:15-53:34', message: /mounts the host’s \/var\/log writable/ },
      ],
      output: fixture('node-agents.yaml').replace(
        '              mountPath: /var/log\n',
        '              mountPath: /var/log\n              readOnly: true\n',
      ),
    },
    {
      name: 'readOnly false in a flow mapping',
      text: agent('kube-system', '{name: proc, mountPath: /host/proc, readOnly: false}'),
      findings: [{ range: '13:28-13:49', message: /mounts the host’s \/proc writable/ }],
      output: agent('kube-system', '{name: proc, mountPath: /host/proc, readOnly: true}'),
    },
  ],
});
