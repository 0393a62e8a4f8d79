import { volumeTypes } from '../../../../src/core/rules/pss/volume-types.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
  volumes:
${volumes}
`;

testRule(volumeTypes, {
  valid: [
    {
      name: 'every allowed type, and a volume with no source (defaulted to emptyDir)',
      text: pod(
        [
          '    - {name: a, configMap: {name: c}}',
          '    - {name: b, csi: {driver: d}}',
          '    - {name: c, downwardAPI: {}}',
          '    - {name: d, emptyDir: {}}',
          '    - {name: e, ephemeral: {}}',
          '    - {name: f, image: {reference: r}}',
          '    - {name: g, persistentVolumeClaim: {claimName: x}}',
          '    - {name: h, projected: {sources: []}}',
          '    - {name: i, secret: {secretName: s}}',
          '    - {name: j}',
        ].join('\n'),
      ),
    },
    {
      name: 'hostPath is left to host-path-volumes',
      text: pod('    - {name: h, hostPath: {path: /}}'),
    },
    {
      name: 'not checked at the baseline profile',
      text: pod('    - {name: n, nfs: {server: s, path: /}}'),
      options: { profile: 'baseline' },
    },
  ],
  invalid: [
    {
      name: 'nfs and gitRepo',
      text: pod(
        '    - name: share\n      nfs:\n        server: nas\n        path: /\n' +
          '    - {name: src, gitRepo: {repository: r}}',
      ),
      findings: [
        {
          range: '11:7-13:16',
          message: /^Volume Types: volume "share" uses nfs/,
          severity: 'warning',
        },
        { range: '14:19-14:43', message: /volume "src" uses gitRepo/ },
      ],
    },
  ],
});
