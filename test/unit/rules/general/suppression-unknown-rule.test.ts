import { suppressionUnknownRule } from '../../../../src/core/rules/general/suppression-unknown-rule.js';
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

testRule(suppressionUnknownRule, {
  valid: [
    {
      name: 'known rules',
      text: configMap('# layerwise-disable-next-line privileged, host-ports -- words only'),
    },
    {
      name: 'a known rule in an annotation',
      text: configMap('# nothing', 'ignore-check.layerwise.dev/privileged: "not a workload"'),
    },
  ],
  invalid: [
    {
      name: 'a misspelt id next to a known one',
      text: configMap('# layerwise-disable-next-line privileged,hostports -- words only'),
      findings: [
        {
          range: '8:44-8:53',
          severity: 'warning',
          message: 'There is no rule "hostports"; this suppression has no effect for it.',
        },
      ],
    },
    {
      name: 'an unknown id in an annotation key',
      text: configMap('# nothing', 'ignore-check.layerwise.dev/privilegd: "typo"'),
      findings: [{ range: '6:32-6:41', message: /no rule "privilegd"/ }],
    },
    {
      name: 'no rule at all',
      text: configMap('# layerwise-disable-file -- everything'),
      findings: [
        { range: '8:3-8:41', message: 'This suppression names no rule; it has no effect.' },
      ],
    },
  ],
});
