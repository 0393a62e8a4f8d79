import { layeringOverIsolatedVm } from '../../../../src/core/rules/layering/layering-over-isolated-vm.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const vmi = (annotations: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: guest
  namespace: web
  annotations:
    ${annotations}
spec:
  domain:
    devices: {}
`;

testRule(layeringOverIsolatedVm, {
  valid: [
    { name: 'a VM with a whole OS of its own', text: vmi('owner: team-a') },
    {
      name: 'a VM that runs containers for a tenant keeps its boundary',
      text: fixture('kubevirt-container-vm.yaml').replace(
        'namespace: web',
        'namespace: web\n  labels: {tenant: initech}',
      ),
    },
  ],
  invalid: [
    {
      name: 'the KubeVirt VM that only runs a container image',
      text: fixture('kubevirt-container-vm.yaml'),
      findings: [
        {
          range: '29:19-29:70',
          message:
            'VirtualMachine web/web-vm is a virtual machine whose guest only runs a service (its ' +
            'guest only starts containers (podman run -d -p 80:80 ' +
            'docker.io/library/nginx:1.27)): ' +
            'it boots a whole OS, takes minutes and whole gigabytes per replica for what a ' +
            'container does in seconds. Run it as a Deployment; a sandbox RuntimeClass gives a ' +
            'stronger boundary if it needs one.',
        },
      ],
    },
    {
      name: 'a VM declared a stateless service',
      text: vmi('layerwise.dev/roles: service'),
      findings: [{ range: '7:5-7:33', message: /annotation layerwise.dev\/roles declares it/ }],
    },
  ],
});
