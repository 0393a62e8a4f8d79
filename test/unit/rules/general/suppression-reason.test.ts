import { suppressionReason } from '../../../../src/core/rules/general/suppression-reason.js';
import { testRule } from '../../../helpers/rule-tester.js';

const configMap = (comment: string, annotation = 'owner: platform') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: agent-settings
  annotations:
    ${annotation}
data:
  ${comment}
  MODE: privileged
`;

testRule(suppressionReason, {
  valid: [
    {
      name: 'a comment with a reason',
      text: configMap('# layerwise-disable-next-line privileged -- the value is only a word'),
    },
    {
      name: 'an annotation with a reason',
      text: configMap('# nothing', 'ignore-check.layerwise.dev/privileged: "not a workload"'),
    },
    { name: 'a comment that is no suppression', text: configMap('# layerwise settings') },
  ],
  invalid: [
    {
      name: 'a comment without "--"',
      text: configMap('# layerwise-disable-next-line privileged'),
      findings: [
        {
          range: '8:3-8:43',
          severity: 'warning',
          message: 'This suppression of privileged gives no reason; add one after "--".',
        },
      ],
    },
    {
      name: 'a file comment with only spaces after "--"',
      text: configMap('# layerwise-disable-file privileged, host-ports --  '),
      findings: [
        {
          range: '8:3-8:55',
          message:
            'This suppression of privileged, host-ports gives no reason; add one after "--".',
        },
      ],
    },
    {
      name: 'an annotation without a value',
      text: configMap('# nothing', 'ignore-check.layerwise.dev/privileged:'),
      findings: [
        {
          range: '6:5-6:43',
          message: 'This suppression of privileged gives no reason; write it as the value.',
        },
      ],
    },
  ],
});
