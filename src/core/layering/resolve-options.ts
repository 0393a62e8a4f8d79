import type { LayeringOptions, RoleMapping } from './options.js';

type FixOptions = NonNullable<LayeringOptions['fixes']>;

/** The layering options with every default filled in. */
export interface ResolvedLayeringOptions {
  /** Whether a RuntimeClass name, a RuntimeClass handler or a compose runtime is a sandbox. */
  isSandbox(name: string): boolean;
  poolLabelKeys: ReadonlySet<string>;
  roles: readonly RoleMapping[];
  fixes: FixOptions & { runtimeClassName: string };
}

/** Names of sandboxing runtimes; a trailing `*` matches any rest of the name. */
export const DEFAULT_SANDBOX_RUNTIME_CLASSES: readonly string[] = [
  'gvisor',
  'runsc',
  'kata*',
  'firecracker',
  'fc',
];

/** Node labels the managed Kubernetes offerings and Karpenter put on every node of a pool. */
export const DEFAULT_POOL_LABEL_KEYS: readonly string[] = [
  'cloud.google.com/gke-nodepool',
  'eks.amazonaws.com/nodegroup',
  'alpha.eksctl.io/nodegroup-name',
  'kubernetes.azure.com/agentpool',
  'agentpool',
  'karpenter.sh/nodepool',
  'doks.digitalocean.com/node-pool',
];

export const DEFAULT_FIX_RUNTIME_CLASS = 'gvisor';

/** Fills in the defaults of `options`; configured lists add to the defaults. */
export function resolveLayeringOptions(options: LayeringOptions = {}): ResolvedLayeringOptions {
  const patterns = [...DEFAULT_SANDBOX_RUNTIME_CLASSES, ...(options.sandboxRuntimeClasses ?? [])];
  const exact = new Set(patterns.filter((pattern) => !pattern.endsWith('*')));
  const prefixes = patterns
    .filter((pattern) => pattern.endsWith('*'))
    .map((pattern) => pattern.slice(0, -1));
  return {
    isSandbox: (name) => exact.has(name) || prefixes.some((prefix) => name.startsWith(prefix)),
    poolLabelKeys: new Set([...DEFAULT_POOL_LABEL_KEYS, ...(options.poolLabelKeys ?? [])]),
    roles: options.roles ?? [],
    fixes: { runtimeClassName: DEFAULT_FIX_RUNTIME_CLASS, ...options.fixes },
  };
}
