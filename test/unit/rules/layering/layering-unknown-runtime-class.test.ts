import { layeringUnknownRuntimeClass } from '../../../../src/core/rules/layering/layering-unknown-runtime-class.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const tenant = fixture('isolated-tenant.yaml');

testRule(layeringUnknownRuntimeClass, {
  valid: [
    { name: 'the RuntimeClass is defined', text: tenant },
    {
      name: 'no RuntimeClass defined: the cluster provides them',
      text: tenant.split('---\n')[1] ?? '',
    },
  ],
  invalid: [
    {
      name: 'a misspelt RuntimeClass',
      text: tenant.replace('runtimeClassName: sandboxed', 'runtimeClassName: sandbox'),
      findings: [
        {
          range: '24:25-24:32',
          message:
            'Deployment tenant-globex/runner asks for RuntimeClass "sandbox", which these ' +
            'manifests do not define (they define sandboxed): the pod will not be admitted, and ' +
            'its intended kernel isolation is unknown.',
        },
      ],
    },
  ],
});
