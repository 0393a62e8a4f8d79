import { appendItem, insertEntry, removeEntry, type YamlValue } from '../../edit/yaml-edits.js';
import type { PodTemplate } from '../../model/pod-templates.js';
import type { Field } from '../../read/yaml-field.js';
import { describeWorkload } from '../../layering/facts.js';
import type { Fix, TextEdit } from '../../report/types.js';
import type { Rule } from '../rule.js';
import { evidenceOf, nameOf, parsesAfter } from './describe.js';

const GPU_ROLES = ['gpu-training', 'gpu-inference'] as const;

const SHM_VOLUME = 'dshm';

/** GPU pods need shared memory and devices, not the host's namespaces or privileged mode. */
export const layeringGpuHostAccess: Rule = {
  meta: {
    id: 'layering-gpu-host-access',
    family: 'layering',
    description:
      'GPU workloads must not use host namespaces or privileged mode; they need neither.',
    severity: 'error',
    pss: null,
    fixable: true,
    remediation:
      'Replace `hostIPC` with an `emptyDir` of `medium: Memory` mounted at /dev/shm, drop ' +
      '`hostPID` and `hostNetwork`, and let the device plugin give the GPU instead of privileged.',
    messages: {
      hostIPC:
        '{{workload}} is {{role}} ({{evidence}}) and shares the host’s IPC namespace for ' +
        'shared memory: every process on the node can read its tensors. Mount an emptyDir with ' +
        'medium: Memory at /dev/shm instead.',
      hostNamespace:
        '{{workload}} is {{role}} ({{evidence}}) and sets {{key}}, which GPU work does not ' +
        'need: it joins the node’s {{what}}. Remove it.',
      privileged:
        '{{workload}} is {{role}} ({{evidence}}) and its container "{{container}}" is ' +
        'privileged: the device plugin already gives it the GPU, so request the resource instead.',
      fixShm: 'Use an emptyDir in memory for /dev/shm instead of hostIPC',
      fixRemove: 'Remove {{key}}',
    },
  },

  checkWorkload({ workload, options, report }) {
    const entry = describeWorkload(workload, options);
    const role = GPU_ROLES.find((candidate) => entry.roles.includes(candidate));
    if (!role) return;
    const base = { workload: nameOf(entry), role, evidence: evidenceOf(entry, role) };
    entry.workload.pods.forEach((pod, index) => {
      const access = entry.facts.hostAccess[index];
      if (!access) return;
      for (const { key, field } of access.namespaces) {
        const fix = key === 'hostIPC' ? shmFix(pod) : removeFix(pod, key);
        report({
          messageId: key === 'hostIPC' ? 'hostIPC' : 'hostNamespace',
          data: { ...base, key, what: key === 'hostPID' ? 'process table' : 'network' },
          span: field.entrySpan,
          workload: entry.workload,
          fixes: fix ? [fix] : [],
        });
      }
      for (const { container, field } of access.privileged) {
        report({
          messageId: 'privileged',
          data: { ...base, container },
          span: field.entrySpan,
          workload: entry.workload,
        });
      }
    });
  },
};

function removeFix(pod: PodTemplate, key: string): Fix | undefined {
  const edit = removeEntry(pod.spec, key);
  return edit ? { title: `Remove ${key}`, preferred: true, edits: [edit] } : undefined;
}

/** Removes hostIPC, adds an in-memory emptyDir and mounts it at /dev/shm where it is missing. */
function shmFix(pod: PodTemplate): Fix | undefined {
  // Mounts go first: they end where the pod spec's last entry ends, and must stay inside it.
  const edits: (TextEdit | undefined)[] = [];
  const mount = { name: SHM_VOLUME, mountPath: '/dev/shm' };
  for (const container of pod.containers) {
    if (container.group !== 'containers') continue;
    const paths = (container.field.get('volumeMounts')?.items() ?? []).map((item) =>
      item.get('mountPath')?.string(),
    );
    if (paths.includes('/dev/shm')) continue;
    edits.push(addItem(container.field, 'volumeMounts', mount));
  }
  edits.push(addItem(pod.spec, 'volumes', { name: SHM_VOLUME, emptyDir: { medium: 'Memory' } }));
  edits.push(removeEntry(pod.spec, 'hostIPC'));

  if (!edits.every((edit): edit is TextEdit => edit !== undefined)) return undefined;
  if (!parsesAfter(pod.spec, edits)) return undefined;
  const title = 'Use an emptyDir in memory for /dev/shm instead of hostIPC';
  return { title, preferred: true, edits };
}

/** Appends to the list at `key`, or creates it; undefined when `key` holds something else. */
function addItem(map: Field, key: string, item: YamlValue): TextEdit | undefined {
  const list = map.get(key);
  if (list === undefined) return insertEntry(map, key, [item]);
  return list.isSeq ? appendItem(list, item) : undefined;
}
