import { seccompBaseline } from '../../../../src/core/rules/pss/seccomp-baseline.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (annotations: string, profile: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
  annotations:
${annotations}
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seccompProfile: ${profile}
`;

/** A Windows pod whose container turns seccomp off, as the admission controller sees it. */
const windowsPod = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  os: {name: windows}
  containers:
    - name: app
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      securityContext:
        seccompProfile: {type: Unconfined}
`;

const unconfinedAnnotations =
  '    seccomp.security.alpha.kubernetes.io/pod: unconfined\n' +
  '    container.seccomp.security.alpha.kubernetes.io/app: unconfined';

testRule(seccompBaseline, {
  valid: [
    { name: 'RuntimeDefault', text: pod('    a: b', '{type: RuntimeDefault}') },
    { name: 'Localhost', text: pod('    a: b', '{type: Localhost, localhostProfile: p.json}') },
    {
      name: 'annotations are not read from 1.19',
      text: pod(unconfinedAnnotations, '{type: RuntimeDefault}'),
    },
    {
      name: 'the field is not read before 1.19',
      text: pod('    a: b', '{type: Unconfined}'),
      options: { pssVersion: 'v1.18' },
    },
    {
      name: 'allowed annotation values before 1.19',
      text: pod(
        '    seccomp.security.alpha.kubernetes.io/pod: docker/default\n' +
          '    container.seccomp.security.alpha.kubernetes.io/app: localhost/p.json\n' +
          '    container.seccomp.security.alpha.kubernetes.io/other: unconfined',
        '{}',
      ),
      options: { pssVersion: 'v1.18' },
    },
    {
      // Restricted's seccomp check replaces Baseline's and exempts Windows pods from 1.25.
      name: 'a Windows pod under the restricted profile from 1.25',
      text: windowsPod,
      options: { pssVersion: 'v1.25' },
    },
    { name: 'a Windows pod under the restricted profile, latest', text: windowsPod },
  ],
  invalid: [
    {
      name: 'a Windows pod under the baseline profile: Baseline has no Windows exemption',
      text: windowsPod,
      options: { profile: 'baseline' },
      findings: [{ range: '11:26-11:42', severity: 'error' }],
      output: windowsPod.replace('Unconfined', 'RuntimeDefault'),
    },
    {
      name: 'a Windows pod under the restricted profile before 1.25',
      text: windowsPod,
      options: { pssVersion: 'v1.24' },
      findings: [{ range: '11:26-11:42', severity: 'error' }],
      output: windowsPod.replace('Unconfined', 'RuntimeDefault'),
    },
    {
      name: 'Unconfined field',
      text: pod('    a: b', '{type: Unconfined}'),
      findings: [
        {
          range: '12:26-12:42',
          message: /^Seccomp: the container "app" sets seccompProfile.type to Unconfined/,
        },
      ],
      output: pod('    a: b', '{type: RuntimeDefault}'),
    },
    {
      name: 'unconfined annotations before 1.19, pod and container',
      text: pod(unconfinedAnnotations, '{}'),
      options: { pssVersion: 'v1.18' },
      findings: [
        {
          range: '6:5-6:57',
          message: /annotation seccomp.security.alpha.kubernetes.io\/pod=unconfined/,
        },
        { range: '7:5-7:67' },
      ],
      output: pod(
        '    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n' +
          '    container.seccomp.security.alpha.kubernetes.io/app: runtime/default',
        '{}',
      ),
    },
  ],
});
