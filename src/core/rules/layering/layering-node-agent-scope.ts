import { insertEntry, replaceValue } from '../../edit/yaml-edits.js';
import { describeWorkload, type DescribedWorkload } from '../../layering/facts.js';
import { namespaceSpan } from '../../layering/roles/metadata.js';
import type { Field } from '../../read/yaml-field.js';
import type { Fix } from '../../report/types.js';
import type { ReportDescriptor, Rule } from '../rule.js';
import { evidenceOf, nameOf } from './describe.js';

/** Namespaces that platform teams keep for node-level software. */
const SYSTEM_NAMESPACE = /^(kube-.+|.+-system|monitoring|logging|observability)$/;

/** A node agent's host access is accepted, but only as much as it needs, where admins look. */
export const layeringNodeAgentScope: Rule = {
  meta: {
    id: 'layering-node-agent-scope',
    family: 'layering',
    description:
      'Node agents may reach into the host, but scoped: read-only host paths, named ' +
      'capabilities instead of privileged, in a system namespace.',
    severity: 'warning',
    pss: null,
    fixable: true,
    remediation:
      'Mount host paths read-only, grant the named capabilities the agent needs instead of ' +
      'privileged, and deploy it to a system namespace.',
    messages: {
      privileged:
        '{{workload}} is a node agent ({{evidence}}) and its container "{{container}}" is ' +
        'privileged: every capability and every device of every node. Grant the named ' +
        'capabilities it needs (for example SYS_PTRACE, NET_ADMIN) instead.',
      writable:
        '{{workload}} is a node agent ({{evidence}}) and container "{{container}}" mounts the ' +
        'host’s {{hostPath}} writable. Mount it read-only unless the agent writes there.',
      namespace:
        '{{workload}} is a node agent ({{evidence}}) in namespace {{namespace}}: node-level ' +
        'access belongs in a system namespace (kube-system, monitoring, logging, *-system) that ' +
        'only platform admins can deploy to.',
      fixReadOnly: 'Mount {{hostPath}} read-only',
    },
  },

  checkWorkload({ workload, options, report }) {
    const entry = describeWorkload(workload, options);
    if (!entry.roles.includes('node-agent')) return;
    const about = (descriptor: Omit<ReportDescriptor, 'workload'>) =>
      report({ ...descriptor, workload: entry.workload });
    const data = { workload: nameOf(entry), evidence: evidenceOf(entry, 'node-agent') };
    for (const access of entry.facts.hostAccess) {
      for (const { container, field } of access.privileged) {
        about({ messageId: 'privileged', data: { ...data, container }, span: field.entrySpan });
      }
      for (const volume of access.hostPaths) {
        for (const mount of volume.mounts) {
          if (mount.readOnly) continue;
          const fix = readOnlyFix(mount.field, volume.path);
          about({
            messageId: 'writable',
            data: { ...data, container: mount.container, hostPath: volume.path },
            span: mount.field.get('mountPath')?.entrySpan ?? mount.field.span,
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
    reportNamespace(entry, data, about);
  },
};

function reportNamespace(
  entry: DescribedWorkload,
  data: Record<string, string>,
  about: (descriptor: Omit<ReportDescriptor, 'workload'>) => void,
): void {
  const namespace = entry.workload.namespace;
  if (SYSTEM_NAMESPACE.test(namespace)) return;
  about({
    messageId: 'namespace',
    data: { ...data, namespace },
    span: namespaceSpan(entry.workload),
  });
}

function readOnlyFix(mount: Field, hostPath: string): Fix | undefined {
  const existing = mount.get('readOnly');
  const edit = existing ? replaceValue(existing, true) : insertEntry(mount, 'readOnly', true);
  if (!edit) return undefined;
  // Not preferred: some agents write to their host path (a log shipper's position database).
  return { title: `Mount ${hostPath} read-only`, preferred: false, edits: [edit] };
}
