import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readObjects } from '../../../../src/core/model/kubernetes-object.js';
import type { PodTemplate } from '../../../../src/core/model/pod-templates.js';
import { toWorkload } from '../../../../src/core/model/workload.js';
import { parseChunk } from '../../../../src/core/read/parse-yaml.js';
import { evaluatePod, podSecurityLevel } from '../../../../src/core/rules/pss/evaluate.js';
import { parsePssVersion, type PssVersion } from '../../../../src/core/rules/pss/version.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Level = 'privileged' | 'baseline' | 'restricted';

/** A pod that meets Restricted at every version. */
function restrictedPod(): { [key: string]: Json } {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', annotations: {} },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'app',
          image: 'nginx',
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ],
    },
  };
}

type Change = (pod: ReturnType<typeof restrictedPod>) => void;

const spec = (pod: ReturnType<typeof restrictedPod>) => pod.spec as { [key: string]: Json };
const podContext = (pod: ReturnType<typeof restrictedPod>) =>
  spec(pod).securityContext as { [key: string]: Json };
const app = (pod: ReturnType<typeof restrictedPod>) =>
  ((spec(pod).containers as Json[])[0] as { [key: string]: Json }).securityContext as {
    [key: string]: Json;
  };
const annotations = (pod: ReturnType<typeof restrictedPod>) =>
  (pod.metadata as { [key: string]: Json }).annotations as { [key: string]: Json };

/** Reads a pod written as JSON, which is YAML too, through the same path as manifests. */
function podTemplate(pod: Json): PodTemplate {
  const parsed = parseChunk({ text: JSON.stringify(pod, null, 2), offset: 0, index: 0 });
  const [object] = readObjects('case.yaml', parsed);
  assert.ok(object);
  const template = toWorkload(object)?.pods[0];
  assert.ok(template);
  return template;
}

function version(text: string): PssVersion {
  const parsed = parsePssVersion(text);
  assert.ok(parsed, text);
  return parsed;
}

interface UpstreamCase {
  control: string;
  name: string;
  change: Change;
  /** The highest level the pod meets, by policy version. */
  levels: Record<string, Level>;
}

const CASES: UpstreamCase[] = [
  {
    control: '(none)',
    name: 'the restricted pod',
    change: () => {},
    levels: { 'v1.0': 'restricted', latest: 'restricted' },
  },
  {
    control: 'HostProcess',
    name: 'pod-level hostProcess',
    change: (pod) => (podContext(pod).windowsOptions = { hostProcess: true }),
    levels: { 'v1.0': 'privileged', latest: 'privileged' },
  },
  {
    control: 'Host Namespaces',
    name: 'hostIPC',
    change: (pod) => (spec(pod).hostIPC = true),
    levels: { 'v1.0': 'privileged', latest: 'privileged' },
  },
  {
    control: 'Privileged Containers',
    name: 'an ephemeral container counts',
    change: (pod) =>
      (spec(pod).ephemeralContainers = [
        { name: 'debug', image: 'busybox', securityContext: { privileged: true } },
      ]),
    levels: { 'v1.0': 'privileged', latest: 'privileged' },
  },
  {
    control: 'Capabilities',
    name: 'SYS_ADMIN is outside the default set',
    change: (pod) => (app(pod).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] }),
    levels: { 'v1.0': 'privileged', latest: 'privileged' },
  },
  {
    control: 'Capabilities (Restricted)',
    name: 'CHOWN is default but not NET_BIND_SERVICE',
    change: (pod) => (app(pod).capabilities = { drop: ['ALL'], add: ['CHOWN'] }),
    levels: { 'v1.21': 'restricted', 'v1.22': 'baseline', latest: 'baseline' },
  },
  {
    control: 'Capabilities (Restricted)',
    name: 'no drop ALL',
    change: (pod) => delete app(pod).capabilities,
    levels: { 'v1.21': 'restricted', 'v1.22': 'baseline' },
  },
  {
    control: 'Windows pods',
    name: 'no capabilities, escalation or seccomp settings',
    change: (pod) => {
      spec(pod).os = { name: 'windows' };
      delete podContext(pod).seccompProfile;
      app(pod).allowPrivilegeEscalation = null;
      delete app(pod).capabilities;
    },
    levels: { 'v1.24': 'baseline', 'v1.25': 'restricted', latest: 'restricted' },
  },
  {
    control: 'Windows pods',
    name: 'Unconfined seccomp fails Baseline, but Restricted replaces that check and skips Windows',
    change: (pod) => {
      spec(pod).os = { name: 'windows' };
      podContext(pod).seccompProfile = { type: 'Unconfined' };
    },
    levels: { 'v1.24': 'privileged', 'v1.25': 'restricted' },
  },
  {
    control: 'HostPath Volumes',
    name: 'hostPath',
    change: (pod) => (spec(pod).volumes = [{ name: 'h', hostPath: { path: '/' } }]),
    levels: { 'v1.0': 'privileged', latest: 'privileged' },
  },
  {
    control: 'Host Ports',
    name: 'an init container hostPort',
    change: (pod) =>
      (spec(pod).initContainers = [
        {
          name: 'init',
          image: 'x',
          ports: [{ containerPort: 1, hostPort: 1 }],
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        },
      ]),
    levels: { 'v1.0': 'privileged', latest: 'privileged' },
  },
  {
    control: 'AppArmor',
    name: 'Unconfined field, checked at every version',
    change: (pod) => (app(pod).appArmorProfile = { type: 'Unconfined' }),
    levels: { 'v1.0': 'privileged', latest: 'privileged' },
  },
  {
    control: 'AppArmor',
    name: 'localhost annotation',
    change: (pod) =>
      (annotations(pod)['container.apparmor.security.beta.kubernetes.io/app'] = 'localhost/p'),
    levels: { 'v1.0': 'restricted', latest: 'restricted' },
  },
  {
    control: 'SELinux',
    name: 'container_engine_t',
    change: (pod) => (app(pod).seLinuxOptions = { type: 'container_engine_t' }),
    levels: { 'v1.30': 'privileged', 'v1.31': 'restricted' },
  },
  {
    control: 'SELinux',
    name: 'a role',
    change: (pod) => (podContext(pod).seLinuxOptions = { role: 'r' }),
    levels: { 'v1.0': 'privileged', latest: 'privileged' },
  },
  {
    control: '/proc Mount Type',
    name: 'Unmasked',
    change: (pod) => (app(pod).procMount = 'Unmasked'),
    levels: { 'v1.0': 'privileged', latest: 'privileged' },
  },
  {
    control: '/proc Mount Type',
    name: 'Unmasked in a user namespace: Baseline relaxes from 1.35, Restricted does not',
    change: (pod) => {
      spec(pod).hostUsers = false;
      app(pod).procMount = 'Unmasked';
    },
    levels: { 'v1.34': 'privileged', 'v1.35': 'baseline', latest: 'baseline' },
  },
  {
    control: 'Seccomp',
    name: 'Unconfined field: ignored before 1.19',
    change: (pod) => (app(pod).seccompProfile = { type: 'Unconfined' }),
    levels: { 'v1.18': 'restricted', 'v1.19': 'privileged' },
  },
  {
    control: 'Seccomp',
    name: 'unconfined annotation: read only before 1.19',
    change: (pod) => (annotations(pod)['seccomp.security.alpha.kubernetes.io/pod'] = 'unconfined'),
    levels: { 'v1.18': 'privileged', 'v1.19': 'restricted' },
  },
  {
    control: 'Seccomp (Restricted)',
    name: 'no profile',
    change: (pod) => delete podContext(pod).seccompProfile,
    levels: { 'v1.18': 'restricted', 'v1.19': 'baseline' },
  },
  {
    control: 'Sysctls',
    name: 'net.ipv4.ip_local_reserved_ports',
    change: (pod) =>
      (podContext(pod).sysctls = [{ name: 'net.ipv4.ip_local_reserved_ports', value: '1' }]),
    levels: { 'v1.26': 'privileged', 'v1.27': 'restricted' },
  },
  {
    control: 'Sysctls',
    name: 'net.ipv4.tcp_keepalive_intvl',
    change: (pod) =>
      (podContext(pod).sysctls = [{ name: 'net.ipv4.tcp_keepalive_intvl', value: '1' }]),
    levels: { 'v1.28': 'privileged', 'v1.29': 'restricted' },
  },
  {
    control: 'Sysctls',
    name: 'net.ipv4.tcp_wmem',
    change: (pod) => (podContext(pod).sysctls = [{ name: 'net.ipv4.tcp_wmem', value: '1' }]),
    levels: { 'v1.31': 'privileged', 'v1.32': 'restricted' },
  },
  {
    control: 'Sysctls',
    name: 'net.ipv4.tcp_notsent_lowat',
    change: (pod) =>
      (podContext(pod).sysctls = [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }]),
    levels: { 'v1.36': 'privileged', 'v1.37': 'restricted' },
  },
  {
    control: 'Probe and Lifecycle Host',
    name: 'a tcpSocket probe host',
    change: (pod) => {
      const container = (spec(pod).containers as { [key: string]: Json }[])[0];
      if (container) container.readinessProbe = { tcpSocket: { host: '10.0.0.1', port: 1 } };
    },
    levels: { 'v1.33': 'restricted', 'v1.34': 'privileged' },
  },
  {
    control: 'Volume Types',
    name: 'nfs',
    change: (pod) => (spec(pod).volumes = [{ name: 'v', nfs: { server: 's', path: '/' } }]),
    levels: { 'v1.0': 'baseline', latest: 'baseline' },
  },
  {
    control: 'Volume Types',
    name: 'image volumes, allowed at every version',
    change: (pod) => (spec(pod).volumes = [{ name: 'v', image: { reference: 'r' } }]),
    levels: { 'v1.0': 'restricted', latest: 'restricted' },
  },
  {
    control: 'Privilege Escalation',
    name: 'unset',
    change: (pod) => delete app(pod).allowPrivilegeEscalation,
    levels: { 'v1.7': 'restricted', 'v1.8': 'baseline' },
  },
  {
    control: 'Running as Non-root',
    name: 'pod true, container false',
    change: (pod) => (app(pod).runAsNonRoot = false),
    levels: { 'v1.0': 'baseline', latest: 'baseline' },
  },
  {
    control: 'Running as Non-root',
    name: 'unset, in a user namespace',
    change: (pod) => {
      delete podContext(pod).runAsNonRoot;
      spec(pod).hostUsers = false;
    },
    levels: { 'v1.34': 'baseline', 'v1.35': 'restricted', latest: 'restricted' },
  },
  {
    control: 'Running as Non-root user',
    name: 'runAsUser 0',
    change: (pod) => (podContext(pod).runAsUser = 0),
    levels: { 'v1.22': 'restricted', 'v1.23': 'baseline' },
  },
  {
    control: 'Running as Non-root user',
    name: 'runAsUser 0 in a user namespace',
    change: (pod) => {
      podContext(pod).runAsUser = 0;
      spec(pod).hostUsers = false;
    },
    levels: { 'v1.34': 'baseline', 'v1.35': 'restricted' },
  },
];

describe('upstream Pod Security behaviour, by control and version', () => {
  for (const testCase of CASES) {
    for (const [at, expected] of Object.entries(testCase.levels)) {
      it(`${testCase.control}: ${testCase.name} at ${at} meets ${expected}`, () => {
        const pod = restrictedPod();
        testCase.change(pod);
        assert.equal(podSecurityLevel(podTemplate(pod), version(at)), expected);
      });
    }
  }

  it('Restricted replaces the baseline procMount check from 1.35', () => {
    const pod = restrictedPod();
    spec(pod).hostUsers = false;
    app(pod).procMount = 'Unmasked';
    const ids = (level: 'baseline' | 'restricted') =>
      evaluatePod(podTemplate(pod), level, version('v1.35'))
        .filter((result) => result.violations.length > 0)
        .map((result) => result.check.id);
    assert.deepEqual(ids('baseline'), []);
    assert.deepEqual(ids('restricted'), ['procMount_restricted']);
  });

  it('privileged evaluates nothing', () => {
    const pod = restrictedPod();
    app(pod).privileged = true;
    assert.deepEqual(evaluatePod(podTemplate(pod), 'privileged', version('latest')), []);
  });
});
