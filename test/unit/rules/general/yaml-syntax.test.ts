import { yamlSyntax } from '../../../../src/core/rules/general/yaml-syntax.js';
import { testRule } from '../../../helpers/rule-tester.js';

testRule(yamlSyntax, {
  valid: [
    { name: 'a valid manifest', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' },
    {
      name: 'a broken file that is no manifest is not read',
      text: 'settings: [unclosed\n',
    },
  ],
  invalid: [
    {
      name: 'a duplicate key, which the cluster would resolve silently',
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
      findings: [
        {
          range: '5:3-5:7',
          severity: 'error',
          message: 'YAML syntax error: Map keys must be unique',
        },
      ],
    },
    {
      name: 'an unclosed flow mapping; the next document is still read',
      text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n---\napiVersion: v1\nkind: Pod\n',
      findings: [{ range: '4:1-4:2', severity: 'error', message: /^YAML syntax error: / }],
    },
  ],
});
