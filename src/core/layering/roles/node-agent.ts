import type { Workload } from '../../model/workload.js';
import { readHostAccess } from '../host-access.js';
import type { RoleEvidence } from '../types.js';

/** A DaemonSet that reaches into its node: a log shipper, a metrics exporter, a CNI agent. */
export function findNodeAgent(workload: Workload): RoleEvidence[] {
  if (workload.kind !== 'DaemonSet') return [];
  const clues: RoleEvidence[] = [];
  const clue = (span: RoleEvidence['span'], reason: string) =>
    clues.push({ role: 'node-agent', path: workload.path, span, reason });

  for (const pod of workload.pods) {
    const access = readHostAccess(pod);
    for (const volume of access.hostPaths) {
      const span = volume.volume.at('hostPath', 'path')?.entrySpan ?? volume.volume.span;
      clue(span, `it mounts the host's ${volume.path}`);
    }
    for (const entry of access.namespaces) clue(entry.field.entrySpan, `it sets ${entry.key}`);
    for (const entry of access.privileged) {
      clue(entry.field.entrySpan, `container "${entry.container}" is privileged`);
    }
  }
  if (clues.length === 0) return [];
  return [
    {
      role: 'node-agent',
      path: workload.path,
      span: workload.span,
      reason: 'a DaemonSet runs on every node',
    },
    ...clues,
  ];
}
