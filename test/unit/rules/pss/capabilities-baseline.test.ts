import { capabilitiesBaseline } from '../../../../src/core/rules/pss/capabilities-baseline.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (capabilities: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
${capabilities}
`;

/** A Windows pod: Restricted's capability check replaces Baseline's and exempts it from 1.25. */
const windowsPod = pod('          add: [SYS_ADMIN]').replace(
  'spec:\n  containers:',
  'spec:\n  os: {name: windows}\n  containers:',
);

testRule(capabilitiesBaseline, {
  valid: [
    { name: 'default capabilities', text: pod('          add: [CHOWN, NET_BIND_SERVICE, KILL]') },
    { name: 'drops are never a problem', text: pod('          drop: [ALL]') },
    { name: 'a Windows pod under the restricted profile from 1.25', text: windowsPod },
  ],
  invalid: [
    {
      name: 'block list: the added capability goes with its line',
      text: pod('          add:\n            - SYS_ADMIN # for mounts\n            - CHOWN'),
      findings: [
        { range: '12:15-12:24', message: /^Capabilities: container "app" adds SYS_ADMIN/ },
      ],
      output: pod('          add:\n            - CHOWN'),
    },
    {
      name: 'names are exact: CAP_ prefixes and lower case are not the default set',
      text: pod('          add: [CAP_CHOWN, KILL, chown, CHOWN, NET_RAW, SETUID]'),
      findings: [{ range: '11:17-11:26' }, { range: '11:34-11:39' }, { range: '11:48-11:55' }],
      output: pod('          add: [KILL, CHOWN, SETUID]'),
    },
    {
      name: 'a Windows pod under the baseline profile',
      text: windowsPod,
      options: { profile: 'baseline' },
      findings: [{ range: '12:17-12:26', severity: 'error' }],
      output: windowsPod.replace('[SYS_ADMIN]', '[]'),
    },
    {
      name: 'a Windows pod under the restricted profile at 1.24',
      text: windowsPod,
      options: { pssVersion: 'v1.24' },
      findings: [{ range: '12:17-12:26', severity: 'error' }],
      output: windowsPod.replace('[SYS_ADMIN]', '[]'),
    },
  ],
});
