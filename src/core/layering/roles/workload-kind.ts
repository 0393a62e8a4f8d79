import type { Workload } from '../../model/workload.js';
import type { Field } from '../../read/yaml-field.js';
import type { Span } from '../../report/types.js';
import type { RoleEvidence } from '../types.js';
import { isBatchKind } from './accelerators.js';

/** Kinds that keep pods running and replace them when they stop. */
const SERVICE_KINDS = new Set([
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'DaemonSet',
  'Rollout',
  'DeploymentConfig',
  'Service',
  'ComposeService',
]);

/** Stateful: a StatefulSet, or pods that mount persistent volume claims. */
export function findStateful(workload: Workload): RoleEvidence[] {
  const clue = (span: Span, reason: string): RoleEvidence => ({
    role: 'stateful',
    path: workload.path,
    span,
    reason,
  });
  if (workload.kind === 'StatefulSet') return [clue(workload.span, 'kind StatefulSet keeps state')];
  for (const pod of workload.pods) {
    for (const volume of pod.spec.get('volumes')?.items() ?? []) {
      const claim = volume.get('persistentVolumeClaim');
      if (claim) return [clue(claim.keySpan ?? claim.span, 'it mounts a persistent volume claim')];
    }
  }
  return [];
}

/** Batch: kinds that run to completion. */
export function findBatch(workload: Workload): RoleEvidence[] {
  if (!isBatchKind(workload)) return [];
  const reason = `kind ${workload.kind} runs to completion`;
  return [{ role: 'batch', path: workload.path, span: workload.span, reason }];
}

/** Service: kinds that keep pods running, and bare pods that listen on a port. */
export function findService(workload: Workload): RoleEvidence[] {
  if (workload.shape === 'vm') return findContainerGuest(workload);
  if (SERVICE_KINDS.has(workload.kind)) {
    const what = workload.shape === 'pods' ? 'its pods' : 'it';
    const reason = `kind ${workload.kind} keeps ${what} running`;
    return [{ role: 'service', path: workload.path, span: workload.span, reason }];
  }
  for (const pod of workload.pods) {
    for (const container of pod.containers) {
      const port = container.field.get('ports')?.items()[0];
      if (!port) continue;
      const span = port.get('containerPort')?.entrySpan ?? port.span;
      const reason = `container "${container.name}" listens on a port`;
      return [{ role: 'service', path: workload.path, span, reason }];
    }
  }
  return [];
}

const CONTAINER_RUN = /\b(docker|podman|nerdctl)\s+(container\s+)?run\b[^\n]*/g;

/** A virtual machine whose cloud-init only starts containers: a container host in a VM. */
function findContainerGuest(workload: Workload): RoleEvidence[] {
  const root = workload.object.root;
  const spec =
    workload.kind === 'VirtualMachine' ? root.at('spec', 'template', 'spec') : root.get('spec');
  for (const volume of spec?.get('volumes')?.items() ?? []) {
    const cloudInit = volume.get('cloudInitNoCloud') ?? volume.get('cloudInitConfigDrive');
    const userData = cloudInit?.get('userData');
    const text = userData?.string();
    if (!userData || !text) continue;
    const runs = [...text.matchAll(CONTAINER_RUN)];
    const first = runs[0];
    if (!first) continue;
    const reason = `its guest only starts containers (${first[0].trim()})`;
    return [{ role: 'service', path: workload.path, span: locate(userData, first[0]), reason }];
  }
  return [];
}

/** The span of `needle` inside a scalar's source text, or the scalar's span. */
function locate(field: Field, needle: string): Span {
  const span = field.span;
  const raw = field.source.slice(span.start - field.base, span.end - field.base);
  const index = raw.indexOf(needle.trim());
  if (index === -1) return span;
  return { start: span.start + index, end: span.start + index + needle.trim().length };
}
