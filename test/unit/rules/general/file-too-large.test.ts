import { fileTooLarge } from '../../../../src/core/rules/general/file-too-large.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: demo # é counts as two bytes
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;
const podBytes = new TextEncoder().encode(pod).length;

testRule(fileTooLarge, {
  valid: [
    { name: 'a manifest at the limit', text: pod, options: { maxFileBytes: podBytes } },
    { name: 'the default limit is far above a manifest', text: pod },
    {
      name: 'an oversized file that is no deployment file',
      text: `${'plain: text\n'.repeat(20)}`,
      options: { maxFileBytes: 100 },
    },
  ],
  invalid: [
    {
      name: 'one byte over the limit, counted in UTF-8',
      text: pod,
      options: { maxFileBytes: podBytes - 1 },
      findings: [
        {
          range: '1:1-1:15',
          severity: 'info',
          message:
            `Not analysed: the file has ${podBytes} bytes, over the limit of ${podBytes - 1} ` +
            'bytes; nothing in it was checked.',
        },
      ],
    },
    {
      name: 'one finding for a large multi-document file, and no other',
      text: `${pod}---\n${pod}---\n${pod}`,
      options: { maxFileBytes: 64 },
      findings: [{ range: '1:1-1:15' }],
    },
  ],
});
