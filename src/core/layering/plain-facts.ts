import type { Field } from '../read/yaml-field.js';
import type { WorkloadFacts } from './facts.js';
import type { HostAccess } from './host-access.js';
import type { Placement } from './placement.js';

/**
 * A workload's facts without their `Field`s: plain data that can be sent to another thread.
 * The set stage reads only this part; the fields are found again when a fix needs them.
 */
export interface PlainWorkloadFacts {
  roles: WorkloadFacts['roles'];
  placements: Omit<Placement, 'spec'>[];
  podSecurity: WorkloadFacts['podSecurity'];
  hostAccess: PlainHostAccess[];
  composeRuntime: WorkloadFacts['composeRuntime'];
}

/** A pod template's host access with the fields left out, their order kept. */
export interface PlainHostAccess {
  hostPaths: { name: string; path: string; mounts: { container: string; readOnly: boolean }[] }[];
  namespaces: { key: HostAccess['namespaces'][number]['key'] }[];
  privileged: { container: string }[];
}

/** The plain part of a workload's facts. */
export function toPlainFacts(facts: WorkloadFacts): PlainWorkloadFacts {
  return {
    roles: facts.roles,
    placements: facts.placements.map((placement) => ({
      path: placement.path,
      requirements: placement.requirements,
      tolerations: placement.tolerations,
      runtimeClass: placement.runtimeClass,
      schedulingKeySpan: placement.schedulingKeySpan,
    })),
    podSecurity: facts.podSecurity,
    hostAccess: facts.hostAccess.map((access) => ({
      hostPaths: access.hostPaths.map((volume) => ({
        name: volume.name,
        path: volume.path,
        mounts: volume.mounts.map(({ container, readOnly }) => ({ container, readOnly })),
      })),
      namespaces: access.namespaces.map(({ key }) => ({ key })),
      privileged: access.privileged.map(({ container }) => ({ container })),
    })),
    composeRuntime: facts.composeRuntime,
  };
}

/**
 * Facts made of plain facts: every `Field` in them is looked up in `read()`, the facts read
 * again from the workload's text, only when something asks for it.
 */
export function fromPlainFacts(
  plain: PlainWorkloadFacts,
  read: () => WorkloadFacts,
): WorkloadFacts {
  const placement = (index: number) => itemOf(read().placements, index);
  const access = (index: number) => itemOf(read().hostAccess, index);
  return {
    roles: plain.roles,
    placements: plain.placements.map((item, index) => ({
      ...item,
      get spec(): Field {
        return placement(index).spec;
      },
    })),
    podSecurity: plain.podSecurity,
    hostAccess: plain.hostAccess.map((item, index) => ({
      hostPaths: item.hostPaths.map((volume, volumeIndex) => ({
        name: volume.name,
        path: volume.path,
        get volume(): Field {
          return itemOf(access(index).hostPaths, volumeIndex).volume;
        },
        mounts: volume.mounts.map((mount, mountIndex) => ({
          ...mount,
          get field(): Field {
            const volumeRead = itemOf(access(index).hostPaths, volumeIndex);
            return itemOf(volumeRead.mounts, mountIndex).field;
          },
        })),
      })),
      namespaces: item.namespaces.map((entry, entryIndex) => ({
        key: entry.key,
        get field(): Field {
          return itemOf(access(index).namespaces, entryIndex).field;
        },
      })),
      privileged: item.privileged.map((entry, entryIndex) => ({
        container: entry.container,
        get field(): Field {
          return itemOf(access(index).privileged, entryIndex).field;
        },
      })),
    })),
    composeRuntime: plain.composeRuntime,
  };
}

/** The item at `index`; the facts read again come from the same text, so it is there. */
function itemOf<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`Facts read again lack item ${index}`);
  return item;
}
