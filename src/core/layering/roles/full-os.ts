import type { Workload } from '../../model/workload.js';
import type { Field } from '../../read/yaml-field.js';
import { readHostAccess } from '../host-access.js';
import type { RoleEvidence } from '../types.js';

/** Programs that only make sense as process 1 of a whole operating system. */
const INIT_PROGRAM = /(^|\/)(init|systemd|sshd|supervisord|s6-svscan|runsvdir)$/;

/** A shell script that starts services the way an operating system's boot does. */
const SERVICE_START = /\b(service\s+\S+\s+start|systemctl\s+start\s+\S+|\/usr\/sbin\/sshd\b)/g;

/** Host paths a container needs only to run its own init system or load kernel modules. */
const OS_HOST_PATHS = new Set(['/sys/fs/cgroup', '/lib/modules']);

function commandEvidence(workload: Workload, container: Field): RoleEvidence[] {
  const command = container.get('command') ?? container.get('args');
  const words = command?.isSeq ? command.items() : command ? [command] : [];
  const first = words[0];
  const program = first?.string()?.trim();
  if (!first || !program) return [];

  const clue = (reason: string): RoleEvidence => ({
    role: 'full-os',
    path: workload.path,
    span: first.span,
    reason,
  });
  if (INIT_PROGRAM.test(program)) return [clue(`its entrypoint is ${program}`)];

  const script = words.map((word) => word.string() ?? '').join(' ');
  const started = script.match(SERVICE_START) ?? [];
  if (started.some((part) => part.includes('sshd') || /\bssh\b/.test(part))) {
    return [clue('its entrypoint starts an SSH server')];
  }
  if (started.length >= 2) return [clue(`its entrypoint starts ${started.length} daemons`)];
  return [];
}

/**
 * Signs of a whole operating system in a container: init, systemd or sshd as the entrypoint,
 * a script that starts several daemons, privileged with an SSH port, or the cgroup tree and
 * kernel modules of the host mounted (only outside DaemonSets, where node agents need them).
 */
export function findFullOs(workload: Workload): RoleEvidence[] {
  const evidence: RoleEvidence[] = [];
  for (const pod of workload.pods) {
    const access = readHostAccess(pod);
    for (const container of pod.containers) {
      evidence.push(...commandEvidence(workload, container.field));
      const privileged = access.privileged.some((entry) => entry.container === container.name);
      const sshPort = container.field
        .get('ports')
        ?.items()
        .find((port) => port.get('containerPort')?.number() === 22);
      if (privileged && sshPort) {
        const span = sshPort.get('containerPort')?.entrySpan ?? sshPort.span;
        const reason = 'it is privileged and listens for SSH on port 22';
        evidence.push({ role: 'full-os', path: workload.path, span, reason });
      }
    }
    if (workload.kind === 'DaemonSet') continue;
    for (const volume of access.hostPaths) {
      if (!OS_HOST_PATHS.has(volume.path.replace(/\/+$/, ''))) continue;
      const span = volume.volume.at('hostPath', 'path')?.entrySpan ?? volume.volume.span;
      const reason = `it mounts the host's ${volume.path}`;
      evidence.push({ role: 'full-os', path: workload.path, span, reason });
    }
  }
  return evidence;
}
