// Deterministic manifests for the benchmarks and the reliability tests: the same seed always
// yields the same text, so figures from two runs describe the same input.

/** A small seeded random source (mulberry32): fast, and the same on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  below(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  pick<T>(values: readonly T[]): T {
    return values[this.below(values.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

const WORDS = ['api', 'web', 'billing', 'search', 'auth', 'cache', 'queue', 'ledger', 'report'];
const TEAMS = ['payments', 'platform', 'data', 'ml', 'edge', 'identity'];
const IMAGES = [
  'nginx:1.27',
  'registry.example.com/team/api:2.4.1',
  'ghcr.io/example/worker@sha256:4f1c2d3e',
  'postgres:16',
  'redis:7.2',
  'python:3.12-slim',
];

/** The kinds the generator writes, in the proportions a platform repository has them. */
export const GENERATED_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Service',
  'ConfigMap',
  'Pod',
  'PyTorchJob',
  'VirtualMachine',
  'Namespace',
] as const;

type GeneratedKind = (typeof GENERATED_KINDS)[number];

const KIND_WEIGHTS: Record<GeneratedKind, number> = {
  Deployment: 24,
  StatefulSet: 6,
  DaemonSet: 4,
  Job: 5,
  CronJob: 5,
  Service: 20,
  ConfigMap: 18,
  Pod: 6,
  PyTorchJob: 3,
  VirtualMachine: 3,
  Namespace: 6,
};

function pickKind(random: Random): GeneratedKind {
  const total = GENERATED_KINDS.reduce((sum, kind) => sum + KIND_WEIGHTS[kind], 0);
  let roll = random.below(total);
  for (const kind of GENERATED_KINDS) {
    roll -= KIND_WEIGHTS[kind];
    if (roll < 0) return kind;
  }
  return 'Deployment';
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

function metadata(random: Random, name: string, namespace: string | undefined): string {
  const team = random.pick(TEAMS);
  const lines = [`metadata:`, `  name: ${name}`];
  if (namespace) lines.push(`  namespace: ${namespace}`);
  lines.push(`  labels:`, `    app.kubernetes.io/name: ${name}`, `    team: ${team}`);
  if (random.chance(0.5)) {
    lines.push(`  annotations:`, `    owner: "${team}@example.com" # paged at night`);
  }
  return lines.join('\n');
}

function securityContext(random: Random): string {
  const roll = random.next();
  if (roll < 0.08) return 'securityContext:\n  privileged: true # legacy agent';
  if (roll < 0.15) return 'securityContext:\n  allowPrivilegeEscalation: true';
  if (roll < 0.3) return '';
  return [
    'securityContext:',
    '  runAsNonRoot: true',
    `  runAsUser: ${1000 + random.below(9000)}`,
    '  allowPrivilegeEscalation: false',
    '  readOnlyRootFilesystem: true',
    '  capabilities:',
    '    drop: ["ALL"]',
    '  seccompProfile:',
    '    type: RuntimeDefault',
  ].join('\n');
}

function container(random: Random, name: string): string {
  const lines = [
    `- name: ${name}`,
    `  image: ${random.pick(IMAGES)}`,
    `  imagePullPolicy: IfNotPresent`,
    `  ports:`,
    `    - containerPort: ${8000 + random.below(100)}`,
    `      protocol: TCP`,
    `  env:`,
    `    - name: LOG_LEVEL`,
    `      value: ${random.pick(['info', 'debug', 'warn'])}`,
    `    - name: POD_NAME`,
    `      valueFrom:`,
    `        fieldRef:`,
    `          fieldPath: metadata.name`,
    `  resources:`,
    `    requests: {cpu: ${100 + random.below(900)}m, memory: ${64 * (1 + random.below(16))}Mi}`,
    `    limits:`,
    `      memory: ${128 * (1 + random.below(16))}Mi`,
    `  volumeMounts:`,
    `    - name: config`,
    `      mountPath: /etc/${name}`,
    `      readOnly: true`,
  ];
  const context = securityContext(random);
  if (context) lines.push(indent(context, 2));
  return lines.join('\n');
}

function podSpec(random: Random, name: string): string {
  const lines: string[] = [];
  if (random.chance(0.1)) lines.push('hostNetwork: true');
  if (random.chance(0.2)) lines.push('runtimeClassName: gvisor');
  lines.push(`serviceAccountName: ${name}`);
  if (random.chance(0.3)) {
    lines.push('initContainers:', indent(container(random, `${name}-init`), 2));
  }
  lines.push('containers:', indent(container(random, name), 2));
  if (random.chance(0.3)) lines.push(indent(container(random, `${name}-sidecar`), 2));
  lines.push('volumes:', '  - name: config', '    configMap:', `      name: ${name}-config`);
  if (random.chance(0.05)) {
    lines.push('  - name: host', '    hostPath:', '      path: /var/run/docker.sock');
  }
  return lines.join('\n');
}

function podTemplate(random: Random, name: string): string {
  return [
    'template:',
    '  metadata:',
    '    labels:',
    `      app.kubernetes.io/name: ${name}`,
    '  spec:',
    indent(podSpec(random, name), 4),
  ].join('\n');
}

function selector(name: string): string {
  return `selector:\n  matchLabels:\n    app.kubernetes.io/name: ${name}`;
}

function generateObject(random: Random, kind: GeneratedKind, serial: number): string {
  const name = `${random.pick(WORDS)}-${serial}`;
  const namespace = `${random.pick(TEAMS)}-${random.pick(['prod', 'staging', 'dev'])}`;
  const head = (apiVersion: string, space: string | undefined = namespace) =>
    `apiVersion: ${apiVersion}\nkind: ${kind}\n${metadata(random, name, space)}`;

  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet': {
      const replicas = kind === 'DaemonSet' ? '' : `  replicas: ${1 + random.below(5)}\n`;
      const body = indent(`${selector(name)}\n${podTemplate(random, name)}`, 2);
      return `${head('apps/v1')}\nspec:\n${replicas}${body}`;
    }
    case 'Job':
      return `${head('batch/v1')}\nspec:\n  backoffLimit: 2\n${indent(podTemplate(random, name), 2)}`;
    case 'CronJob':
      return [
        head('batch/v1'),
        'spec:',
        `  schedule: "${random.below(60)} * * * *"`,
        '  jobTemplate:',
        '    spec:',
        indent(podTemplate(random, name), 6),
      ].join('\n');
    case 'Pod':
      return `${head('v1')}\nspec:\n${indent(podSpec(random, name), 2)}`;
    case 'PyTorchJob':
      return [
        head('kubeflow.org/v1'),
        'spec:',
        '  pytorchReplicaSpecs:',
        '    Master:',
        '      replicas: 1',
        indent(podTemplate(random, name), 6),
        '    Worker:',
        `      replicas: ${2 + random.below(6)}`,
        indent(podTemplate(random, `${name}-worker`), 6),
      ].join('\n');
    case 'VirtualMachine':
      return [
        head('kubevirt.io/v1'),
        'spec:',
        '  runStrategy: Always',
        '  template:',
        '    spec:',
        '      domain:',
        '        cpu: {cores: 2}',
        '        memory: {guest: 4Gi}',
        '        devices:',
        '          disks:',
        '            - name: root',
        '              disk: {bus: virtio}',
        '      volumes:',
        '        - name: root',
        '          containerDisk:',
        '            image: quay.io/containerdisks/fedora:40',
      ].join('\n');
    case 'Service':
      return [
        head('v1'),
        'spec:',
        `  type: ${random.pick(['ClusterIP', 'ClusterIP', 'NodePort', 'LoadBalancer'])}`,
        '  selector:',
        `    app.kubernetes.io/name: ${name}`,
        '  ports:',
        '    - name: http',
        '      port: 80',
        `      targetPort: ${8000 + random.below(100)}`,
      ].join('\n');
    case 'ConfigMap':
      return [
        head('v1'),
        'data:',
        `  LOG_FORMAT: json`,
        `  FEATURE_FLAGS: "a,b,c"`,
        '  app.properties: |',
        `    server.port=${8000 + random.below(100)}`,
        '    cache.ttl=300',
        `    upstream=http://${random.pick(WORDS)}.svc:8080`,
      ].join('\n');
    case 'Namespace': {
      const level = random.pick(['restricted', 'baseline', 'privileged']);
      return [
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${namespace}-${serial}`,
        '  labels:',
        `    pod-security.kubernetes.io/enforce: ${level}`,
        '    pod-security.kubernetes.io/enforce-version: latest',
      ].join('\n');
    }
  }
}

/**
 * A multi-document manifest of `count` objects of mixed kinds, about 1 KB each, with comments,
 * flow collections and the mistakes the rules look for (privileged containers, host paths).
 */
export function generateManifest(seed: number, count: number): string {
  const random = new Random(seed);
  const documents: string[] = [];
  for (let serial = 0; serial < count; serial += 1) {
    const kind = pickKind(random);
    const comment = random.chance(0.2) ? `# ${kind} ${serial}, managed by the platform team\n` : '';
    documents.push(`${comment}${generateObject(random, kind, serial)}\n`);
  }
  return `---\n${documents.join('---\n')}`;
}

/** `count` small files, one to three objects each, as a platform repository holds them. */
export function generateWorkspace(seed: number, count: number): { path: string; text: string }[] {
  const random = new Random(seed);
  const files: { path: string; text: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    const objects = 1 + random.below(3);
    const text = generateManifest(seed + index, objects);
    files.push({ path: `apps/${random.pick(TEAMS)}/${index}/manifest.yaml`, text });
  }
  return files;
}
