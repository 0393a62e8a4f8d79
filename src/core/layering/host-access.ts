import type { PodTemplate } from '../model/pod-templates.js';
import type { Field } from '../read/yaml-field.js';

/** A `hostPath` volume and the mounts of it. */
export interface HostPathVolume {
  name: string;
  path: string;
  volume: Field;
  /** `volumeMounts` entries that mount the volume, with the container that has each. */
  mounts: { container: string; field: Field; readOnly: boolean }[];
}

/** The ways one pod template reaches into its node. */
export interface HostAccess {
  hostPaths: HostPathVolume[];
  /** `hostNetwork`, `hostPID` and `hostIPC` entries set to true. */
  namespaces: { key: 'hostNetwork' | 'hostPID' | 'hostIPC'; field: Field }[];
  /** `privileged: true` fields, with their container. */
  privileged: { container: string; field: Field }[];
}

const HOST_NAMESPACE_KEYS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** Reads how a pod template reaches into its node. */
export function readHostAccess(pod: PodTemplate): HostAccess {
  const hostPaths: HostPathVolume[] = [];
  for (const volume of pod.spec.get('volumes')?.items() ?? []) {
    const path = volume.at('hostPath', 'path')?.string();
    const name = volume.get('name')?.string();
    if (path === undefined || name === undefined) continue;
    hostPaths.push({ name, path, volume, mounts: [] });
  }
  for (const container of pod.containers) {
    for (const mount of container.field.get('volumeMounts')?.items() ?? []) {
      const volume = hostPaths.find((candidate) => candidate.name === mount.get('name')?.string());
      const readOnly = mount.get('readOnly')?.boolean() === true;
      volume?.mounts.push({ container: container.name, field: mount, readOnly });
    }
  }

  const namespaces = HOST_NAMESPACE_KEYS.flatMap((key) => {
    const field = pod.spec.get(key);
    return field?.boolean() === true ? [{ key, field }] : [];
  });
  const privileged = pod.containers.flatMap((container) => {
    const field = container.field.at('securityContext', 'privileged');
    return field?.boolean() === true ? [{ container: container.name, field }] : [];
  });
  return { hostPaths, namespaces, privileged };
}
