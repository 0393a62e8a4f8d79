/** Every role a workload can have, in the order reports list them; see docs/layering.md. */
export const ROLES = [
  'regulated',
  'untrusted',
  'gpu-training',
  'gpu-inference',
  'full-os',
  'node-agent',
  'stateful',
  'batch',
  'service',
] as const;

/** A role a workload can have. */
export type Role = (typeof ROLES)[number];

/** Roles given to workloads by namespace or label selector in `.layerwise.yaml`. */
export interface RoleMapping {
  roles: Role[];
  /** Workloads in any of these namespaces. */
  namespaces?: string[];
  /** Workloads whose object or pod template labels include all of these. */
  matchLabels?: Record<string, string>;
}

/** How the layering model reads a platform; every field has a default. */
export interface LayeringOptions {
  /**
   * RuntimeClass names (and RuntimeClass handlers) that mean a sandboxed kernel; a trailing `*`
   * matches any rest of a name. A list given adds to the default, so a RuntimeClass of the set
   * whose handler is `runsc` stays a sandbox whatever its name. Default `gvisor`, `runsc`,
   * names starting with `kata`, `firecracker`, `fc`.
   */
  sandboxRuntimeClasses?: string[];
  /** Extra node labels that name a dedicated node pool. Default: the cloud providers' keys. */
  poolLabelKeys?: string[];
  /** Roles by namespace or labels; declared roles win over inferred ones. Default none. */
  roles?: RoleMapping[];
  /** What fixes insert. Defaults: `gvisor`, no pool selector (fix not offered). */
  fixes?: {
    runtimeClassName?: string;
    nodeSelector?: Record<string, string>;
    toleration?: { key: string; operator?: 'Equal' | 'Exists'; value?: string; effect?: string };
  };
}
