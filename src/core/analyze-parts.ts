import {
  activeRules,
  analyzeSet,
  toRuleOptions,
  type AnalyzeOptions,
  type Report,
  type SourceFile,
} from './analyze.js';
import { rememberWorkloadFacts, workloadFacts } from './layering/facts.js';
import { fromPlainFacts, toPlainFacts, type PlainWorkloadFacts } from './layering/plain-facts.js';
import type { KubeObject } from './model/kubernetes-object.js';
import type { PodTemplate } from './model/pod-templates.js';
import type { Workload } from './model/workload.js';
import { DEFAULT_MAX_FILE_BYTES, exceedsBytes, readOversizedFile } from './read/file-size.js';
import { keepLiteralSetFindings } from './read/helm-template.js';
import { readFile, type FileModel } from './read/read-file.js';
import type { RawFinding } from './report/types.js';
import { readNamespacePolicies, type NamespacePolicy } from './rules/pss/namespace-admission.js';
import { admittedKeys } from './rules/pss/restricted-admits.js';
import type { RuleOptions } from './rules/rule.js';
import { readSuppressions } from './suppress/suppress-findings.js';
import type { Suppression } from './suppress/suppression.js';

/**
 * What one file yields before the set stage, as plain data that can be sent to another thread:
 * its own findings and suppressions, and what the set stage reads of its objects and workloads.
 */
export interface FilePart {
  path: string;
  findings: RawFinding[];
  suppressions: Suppression[];
  objects: ObjectRecord[];
  workloads: WorkloadRecord[];
  /** Whether the file is a Helm template, whose set findings are filtered by its actions. */
  template: boolean;
  /** What its Namespace objects enforce, as `readNamespacePolicies` reads them. */
  policies: NamespacePolicy[];
}

/** A Kubernetes object without its fields. */
export type ObjectRecord = Omit<KubeObject, 'root' | 'metadata'>;

/** A workload without its fields, with its facts. */
export interface WorkloadRecord extends Omit<Workload, 'object' | 'pods' | 'compose'> {
  /** The index of its object in the file's objects; -1 when it is not one of them. */
  objectIndex: number;
  podCount: number;
  hasCompose: boolean;
  facts: PlainWorkloadFacts;
  /** `admittedKeys` at the version of the analysis. */
  admitted: string[];
}

/** Reads one file and runs its own checks, as `analyze` does for each file of a set. */
export function readFilePart(file: SourceFile, options: AnalyzeOptions = {}): FilePart {
  const ruleOptions = toRuleOptions(options);
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const model = exceedsBytes(file.text, limit)
    ? readOversizedFile(file.path, file.text, limit)
    : readFile(file.path, file.text, activeRules(options), ruleOptions, undefined, new Map());
  return {
    path: model.path,
    findings: model.findings,
    suppressions: readSuppressions([model]),
    objects: model.objects.map(toObjectRecord),
    workloads: model.workloads.map((workload) => ({
      id: workload.id,
      kind: workload.kind,
      apiVersion: workload.apiVersion,
      name: workload.name,
      namespace: workload.namespace,
      path: workload.path,
      shape: workload.shape,
      span: workload.span,
      objectIndex: model.objects.indexOf(workload.object),
      podCount: workload.pods.length,
      hasCompose: workload.compose !== undefined,
      facts: toPlainFacts(workloadFacts(workload, ruleOptions)),
      admitted: admittedKeys(workload, ruleOptions.pssVersion),
    })),
    template: model.template !== undefined,
    policies: [...readNamespacePolicies(model.objects).values()],
  };
}

function toObjectRecord(object: KubeObject): ObjectRecord {
  return {
    path: object.path,
    documentIndex: object.documentIndex,
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    namespace: object.namespace,
    labels: object.labels,
    annotations: object.annotations,
  };
}

/**
 * Analyses `files` as one set from their parts, `parts[i]` read from `files[i]` with the same
 * options: the report is the one `analyze(files, options)` gives. The set stage reads the plain
 * data of the parts; a file is read again in this thread only when the stage asks for one of
 * its fields (a fix to build, a RuntimeClass to read, a pod to check at a namespace's version).
 */
export function analyzeParts(
  files: readonly SourceFile[],
  parts: readonly FilePart[],
  options: AnalyzeOptions = {},
): Report {
  if (files.length !== parts.length) throw new Error('Each file needs its part');
  const ruleOptions = toRuleOptions(options);
  const models = new Map<number, FileModel>();
  const readAgain = (index: number): FileModel => {
    let model = models.get(index);
    const file = files[index];
    if (!model && file) {
      model = readFile(file.path, file.text, [], ruleOptions, undefined, new Map());
      models.set(index, model);
    }
    if (!model) throw new Error(`No file ${index} to read again`);
    return model;
  };

  const workloads: Workload[] = [];
  const objects: KubeObject[] = [];
  const admitted = new Map<Workload, readonly string[]>();
  parts.forEach((part, fileIndex) => {
    const model = () => readAgain(fileIndex);
    const partObjects = part.objects.map((record, index) =>
      detachedObject(record, () => itemAt(model().objects, index)),
    );
    objects.push(...partObjects);
    part.workloads.forEach((record, index) => {
      const read = () => {
        const workload = itemAt(model().workloads, index);
        if (workload.id !== record.id) throw new Error(`Read ${workload.id} for ${record.id}`);
        return workload;
      };
      const workload = detachedWorkload(record, partObjects, read, ruleOptions);
      workloads.push(workload);
      admitted.set(workload, record.admitted);
    });
  });

  return analyzeSet(
    {
      files,
      workloads,
      objects,
      findings: parts.flatMap((part) => part.findings),
      suppressions: parts.flatMap((part) => part.suppressions),
      keepLiteral: (found) => {
        const paths = new Set(found.map((finding) => finding.path));
        const templates = parts.flatMap((part, index) =>
          part.template && paths.has(part.path) ? [readAgain(index)] : [],
        );
        return keepLiteralSetFindings(found, templates);
      },
      admission: {
        policies: new Map(
          parts.flatMap((part) => part.policies.map((policy) => [policy.namespace, policy])),
        ),
        // Keys at another version (a namespace that enforces one) are computed here.
        admittedKeys: (workload, version) =>
          (version.minor === ruleOptions.pssVersion.minor ? admitted.get(workload) : undefined) ??
          admittedKeys(workload, version),
      },
    },
    options,
  );
}

/** An object whose fields are those of the object read again, looked up when first asked for. */
function detachedObject(record: ObjectRecord, read: () => KubeObject): KubeObject {
  return {
    ...record,
    get root() {
      return read().root;
    },
    get metadata() {
      return read().metadata;
    },
  };
}

function detachedWorkload(
  record: WorkloadRecord,
  objects: readonly KubeObject[],
  read: () => Workload,
  options: RuleOptions,
): Workload {
  const { objectIndex, podCount, hasCompose, facts, ...plain } = record;
  const object = objects[objectIndex];
  const pods = Array.from({ length: podCount }, (_, index) =>
    detachedPod(() => itemAt(read().pods, index)),
  );
  const workload: Workload = {
    ...plain,
    get object() {
      return object ?? read().object;
    },
    pods,
    get compose() {
      return hasCompose ? read().compose : undefined;
    },
  };
  rememberWorkloadFacts(
    workload,
    options,
    fromPlainFacts(facts, () => workloadFacts(read(), options)),
  );
  return workload;
}

function detachedPod(read: () => PodTemplate): PodTemplate {
  return {
    get location() {
      return read().location;
    },
    get spec() {
      return read().spec;
    },
    get metadata() {
      return read().metadata;
    },
    get labels() {
      return read().labels;
    },
    get annotations() {
      return read().annotations;
    },
    get containers() {
      return read().containers;
    },
  };
}

/** The item at `index` of a file read again; it is there, since the text is the same. */
function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`The file read again lacks item ${index}`);
  return item;
}
