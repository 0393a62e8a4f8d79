import { unusedSuppression } from '../../../../src/core/rules/general/unused-suppression.js';
import { testRule } from '../../../helpers/rule-tester.js';

/** A pod that meets Restricted but binds a host port, with `comment` above the port. */
const pod = (comment: string, annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: agent${annotations}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
    - name: agent
      image: registry.example.com/agent:2.1
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
      ports:
${comment}        - {containerPort: 8080, hostPort: 8080}
`;

const above = (text: string) => `        # layerwise-disable-next-line ${text}\n`;

/** A ConfigMap holds no pods: no Pod Security rule finds anything in it. */
const configMap = (comment: string, annotation = 'owner: platform') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: agent-settings
  annotations:
    ${annotation}
data:
${comment}  MODE: privileged
`;

testRule(unusedSuppression, {
  valid: [
    {
      name: 'a comment that suppresses a finding',
      text: pod(above('host-ports -- the agent answers on the node')),
    },
    {
      name: 'an annotation that suppresses a finding',
      text: pod('', '\n  annotations:\n    ignore-check.layerwise.dev/host-ports: node agent'),
    },
    {
      name: 'every rule of the list suppresses something',
      text: pod('')
        .replace(
          '    - name: agent',
          '    # layerwise-disable-next-line host-ports, run-as-user -- ok\n    - name: agent',
        )
        .replace(
          'allowPrivilegeEscalation: false',
          'allowPrivilegeEscalation: false\n        runAsUser: 0',
        ),
    },
    {
      name: 'a rule turned off is not judged: another configuration may turn it on',
      text: configMap('  # layerwise-disable-next-line privileged -- a word, not a setting\n'),
      options: { rules: { privileged: 'off' } },
    },
    {
      name: 'what the baseline profile leaves out still counts as suppressed',
      text: pod('')
        .replace('runAsNonRoot: true, ', '')
        .replace(
          '    - name: agent',
          '    # layerwise-disable-next-line run-as-non-root, host-ports -- ok\n    - name: agent',
        ),
      options: { profile: 'baseline' },
    },
    {
      name: 'turned off through the configuration',
      text: configMap('  # layerwise-disable-next-line privileged -- reviewed\n'),
      options: { rules: { 'unused-suppression': 'off' } },
    },
    {
      name: 'silenced by a file suppression of unused-suppression',
      text:
        '# layerwise-disable-file unused-suppression -- kept for the next chart version\n' +
        configMap('  # layerwise-disable-next-line privileged -- reviewed\n'),
    },
    {
      name: 'silenced by a next-line suppression of unused-suppression right above it',
      text: configMap(
        '  # layerwise-disable-next-line unused-suppression -- kept for the next release\n' +
          '  # layerwise-disable-next-line privileged -- reviewed\n',
      ),
    },
    {
      name: 'an unknown rule is suppression-unknown-rule’s to report',
      text: configMap('  # layerwise-disable-next-line privilegd -- typo\n'),
    },
    {
      name: 'a Helm template: its findings are partial',
      path: 'chart/templates/settings.yaml',
      text: configMap('  # layerwise-disable-next-line privileged -- reviewed\n').replace(
        'agent-settings',
        '{{ .Release.Name }}-settings',
      ),
    },
    {
      name: 'a file with a syntax error: only part of it was analysed',
      text: `${configMap('  # layerwise-disable-next-line privileged -- reviewed\n')}  bad: [\n`,
    },
    {
      name: 'a file over the size limit: it was not analysed',
      text: configMap('  # layerwise-disable-next-line privileged -- reviewed\n'),
      options: { maxFileBytes: 100 },
    },
  ],
  invalid: [
    {
      name: 'a comment that suppresses nothing, deleted with its line',
      text: configMap('  # layerwise-disable-next-line privileged -- the value is a word\n'),
      findings: [
        {
          range: '8:3-8:66',
          severity: 'warning',
          message:
            'This suppression of privileged suppresses nothing: no such finding is where it ' +
            'applies. Remove it, so it cannot hide a finding later.',
        },
      ],
      output: configMap(''),
    },
    {
      name: 'one rule of a list that finds nothing, deleted from the list',
      text: pod(above('host-ports, privileged -- reviewed')),
      findings: [
        {
          range: '14:51-14:61',
          message:
            'This suppression names privileged, which finds nothing where it applies; remove ' +
            'privileged from it.',
        },
      ],
      output: pod(above('host-ports -- reviewed')),
    },
    {
      name: 'the first two rules of three find nothing: the list keeps the third',
      text: pod(above('privileged, host-path-volumes, host-ports -- reviewed')),
      findings: [{ range: '14:39-14:49' }, { range: '14:51-14:68' }],
      output: pod(above('host-ports -- reviewed')),
    },
    {
      name: 'an unknown rule and an unused one: the whole suppression has no effect',
      text: configMap('  # layerwise-disable-next-line privilegd, privileged -- reviewed\n'),
      findings: [{ range: '8:3-8:66', message: /^This suppression of privileged suppresses/ }],
      output: configMap(''),
    },
    {
      name: 'a file suppression that suppresses nothing',
      text: `# layerwise-disable-file host-ports -- agents\n${configMap('')}`,
      findings: [{ range: '1:1-1:46' }],
      output: configMap(''),
    },
    {
      name: 'an annotation that suppresses nothing, deleted as an entry',
      text: configMap('', 'ignore-check.layerwise.dev/privileged: "not a workload"'),
      findings: [{ range: '6:5-6:60' }],
      output: configMap('').replace('    owner: platform\n', ''),
    },
    {
      name: 'a comment in a docker-compose file',
      path: 'compose.yaml',
      text:
        'services:\n  # layerwise-disable-next-line privileged -- reviewed\n' +
        '  web:\n    image: nginx:1.27\n',
      findings: [{ range: '2:3-2:55' }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
    {
      name: 'a Dockerfile pragma that suppresses nothing',
      path: 'Dockerfile',
      text: 'FROM alpine:3.20\n# layerwise ignore=dockerfile-full-os -- no sshd here\nUSER 10001\n',
      findings: [{ range: '2:1-2:54' }],
      output: 'FROM alpine:3.20\nUSER 10001\n',
    },
  ],
});
