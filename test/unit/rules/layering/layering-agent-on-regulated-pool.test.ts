import { layeringAgentOnRegulatedPool } from '../../../../src/core/rules/layering/layering-agent-on-regulated-pool.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const regulatedOnPool = fixture('dedicated-regulated.yaml');
const [nodeExporter = '', fluentBit = ''] = fixture('node-agents.yaml').split('---\n');
const narrowed = fluentBit.replace(
  '        - operator: Exists\n',
  '        - {key: node-role, operator: Exists}\n',
);
const unprivileged = nodeExporter.replace(
  '      hostNetwork: true\n      hostPID: true\n',
  '      tolerations: [{operator: Exists}]\n',
);

testRule(layeringAgentOnRegulatedPool, {
  valid: [
    {
      name: 'an agent that does not tolerate the pool’s taint stays off it',
      text: `${regulatedOnPool}---\n${narrowed}`,
    },
    {
      name: 'a scoped agent that is not privileged may run there',
      text: `${regulatedOnPool}---\n${unprivileged}`,
    },
    { name: 'no regulated pool', text: fixture('node-agents.yaml') },
  ],
  invalid: [
    {
      name: 'Fluent Bit tolerates everything, so it runs on the HIPAA pool',
      text: `${regulatedOnPool}---\n${fluentBit}`,
      findings: [
        {
          range: '52:11-52:27',
          message:
            'DaemonSet apps/fluent-bit is a privileged node agent (a DaemonSet runs on every ' +
            "node; it mounts the host's /var/log; ...) that also runs on the dedicated pool " +
            'cloud.google.com/gke-nodepool=hipaa of Deployment health/records: whoever controls ' +
            'the agent controls those nodes, which undoes the dedication.',
        },
      ],
    },
  ],
});
