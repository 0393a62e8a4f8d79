import type { Workload } from '../../model/workload.js';
import { ROLES, type Role, type RoleMapping } from '../options.js';
import type { RoleEvidence } from '../types.js';
import { metadataEntries, namespaceSpan } from './metadata.js';

/** The annotation that declares a workload's roles, comma- or space-separated. */
export const ROLES_ANNOTATION = 'layerwise.dev/roles';

function isRole(word: string): word is Role {
  return (ROLES as readonly string[]).includes(word);
}

/** Roles declared by the `layerwise.dev/roles` annotation or mapped by the options. */
export function findDeclaredRoles(
  workload: Workload,
  mappings: readonly RoleMapping[],
): RoleEvidence[] {
  const evidence: RoleEvidence[] = [];
  const entries = metadataEntries(workload);
  for (const entry of entries) {
    if (entry.kind !== 'annotation' || entry.key !== ROLES_ANNOTATION) continue;
    for (const role of entry.value.split(/[\s,]+/).filter(isRole)) {
      const reason = `annotation ${ROLES_ANNOTATION} declares it`;
      evidence.push({ role, path: workload.path, span: entry.span, reason });
    }
  }

  for (const mapping of mappings) {
    const byNamespace = mapping.namespaces?.includes(workload.namespace) ?? false;
    const wanted = Object.entries(mapping.matchLabels ?? {});
    const labels = entries.filter((entry) => entry.kind === 'label');
    const matched = wanted.map(([key, value]) =>
      labels.find((label) => label.key === key && label.value === value),
    );
    const byLabels = wanted.length > 0 && matched.every((label) => label !== undefined);
    if (!byNamespace && !byLabels) continue;

    const span = byNamespace ? namespaceSpan(workload) : (matched[0]?.span ?? workload.span);
    const reason = byNamespace
      ? `the layering options map namespace ${workload.namespace} to it`
      : `the layering options map label ${wanted.map(([k, v]) => `${k}=${v}`).join(', ')} to it`;
    for (const role of mapping.roles) {
      evidence.push({ role, path: workload.path, span, reason });
    }
  }
  return evidence;
}
