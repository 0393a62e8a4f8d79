import type { Workload } from '../../model/workload.js';
import type { Role, RoleMapping } from '../options.js';
import type { RoleEvidence } from '../types.js';
import { findAccelerators } from './accelerators.js';
import { ROLES } from '../options.js';
import { findDeclaredRoles } from './declared.js';
import { findFullOs } from './full-os.js';
import { findNodeAgent } from './node-agent.js';
import { findRegulated } from './regulated.js';
import { findUntrusted } from './untrusted.js';
import { findBatch, findService, findStateful } from './workload-kind.js';

/** A workload's roles, in the order of `ROLES`, with the evidence for each. */
export interface RoleFindings {
  roles: Role[];
  evidence: RoleEvidence[];
  /** Whether the roles were declared rather than inferred. */
  declared: boolean;
}

/**
 * What a workload runs as: one kind of work, the first of these that has evidence, so a GPU
 * Deployment is gpu-inference rather than also a plain service.
 */
const KIND_OF_WORK: readonly ((workload: Workload) => RoleEvidence[])[] = [
  findNodeAgent,
  findFullOs,
  findAccelerators,
  findStateful,
  findBatch,
  findService,
];

/**
 * Infers a workload's roles: regulated and untrusted from what it handles and who controls its
 * code, and one kind of work. Declared roles (annotation or options) replace inference.
 */
export function inferRoles(workload: Workload, mappings: readonly RoleMapping[]): RoleFindings {
  const declared = findDeclaredRoles(workload, mappings);
  if (declared.length > 0) return summarize(declared, true);

  const evidence = [...findRegulated(workload), ...findUntrusted(workload)];
  if (workload.shape === 'vm') {
    const guest = findService(workload);
    const reason = `kind ${workload.kind} boots a whole guest operating system`;
    const os: RoleEvidence = { role: 'full-os', path: workload.path, span: workload.span, reason };
    evidence.push(...(guest.length > 0 ? guest : [os]));
    return summarize(evidence, false);
  }
  for (const find of KIND_OF_WORK) {
    const found = find(workload);
    if (found.length === 0) continue;
    evidence.push(...found);
    break;
  }
  return summarize(evidence, false);
}

function summarize(evidence: RoleEvidence[], declared: boolean): RoleFindings {
  const present = new Set(evidence.map((clue) => clue.role));
  return { roles: ROLES.filter((role) => present.has(role)), evidence, declared };
}
