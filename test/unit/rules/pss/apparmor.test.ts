import { apparmor } from '../../../../src/core/rules/pss/apparmor.js';
import { testRule } from '../../../helpers/rule-tester.js';

const pod = (annotations: string, podContext: string, containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: demo
  annotations:
${annotations}
spec:
  securityContext:
${podContext}
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
${containerContext}
`;

const fine = (annotation = '    other: x') =>
  pod(annotation, '    runAsUser: 1000', '        runAsUser: 1000');

testRule(apparmor, {
  valid: [
    { name: 'nothing set', text: fine() },
    {
      name: 'runtime/default, localhost/ and empty annotations',
      text: fine(
        '    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n' +
          '    container.apparmor.security.beta.kubernetes.io/b: localhost/k8s-nginx\n' +
          '    container.apparmor.security.beta.kubernetes.io/c: ""',
      ),
    },
    {
      name: 'RuntimeDefault and Localhost fields',
      text: pod(
        '    other: x',
        '    appArmorProfile: {type: RuntimeDefault}',
        '        appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}',
      ),
    },
  ],
  invalid: [
    {
      name: 'unconfined fields and annotation, each fixed',
      text: pod(
        '    container.apparmor.security.beta.kubernetes.io/app: unconfined # debug',
        '    appArmorProfile:\n      type: Unconfined',
        '        appArmorProfile: {type: Unconfined}',
      ),
      findings: [
        { range: '6:5-6:67', message: /^AppArmor: annotation .*\/app=unconfined/ },
        { range: '10:7-10:23', message: /the pod sets appArmorProfile.type to Unconfined/ },
        { range: '15:27-15:43', message: /the container "app" sets/ },
      ],
      output: pod(
        '    container.apparmor.security.beta.kubernetes.io/app: runtime/default # debug',
        '    appArmorProfile:\n      type: RuntimeDefault',
        '        appArmorProfile: {type: RuntimeDefault}',
      ),
    },
    {
      name: 'the annotation counts even for a name that is not a container',
      text: fine('    container.apparmor.security.beta.kubernetes.io/gone: "unconfined"'),
      findings: [{ range: '6:5-6:70' }],
      output: fine('    container.apparmor.security.beta.kubernetes.io/gone: runtime/default'),
    },
    {
      name: 'a profile without a type points at the profile and offers no fix',
      text: pod('    other: x', '    appArmorProfile: {}', '        runAsUser: 1000'),
      findings: [{ range: '9:5-9:24', message: /to \(empty\)/ }],
    },
  ],
});
