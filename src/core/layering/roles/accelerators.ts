import type { Workload } from '../../model/workload.js';
import type { Field } from '../../read/yaml-field.js';
import type { RoleEvidence } from '../types.js';

/** Extended resources that device plugins advertise for GPUs and other accelerators. */
const ACCELERATOR_RESOURCE = new RegExp(
  '^(nvidia\\.com/(gpu|mig-.+)|amd\\.com/gpu|gpu\\.intel\\.com/.+|habana\\.ai/.+|' +
    'aws\\.amazon\\.com/neuron.*|google\\.com/tpu)$',
);

/** Kinds that run to completion: training, fine-tuning, batch jobs. */
export const BATCH_KINDS = new Set([
  'Job',
  'CronJob',
  'PyTorchJob',
  'TFJob',
  'MPIJob',
  'XGBoostJob',
  'PaddleJob',
  'JAXJob',
  'TrainJob',
  'RayJob',
  'JobSet',
]);

/** Images of model servers. */
const SERVING_IMAGE =
  /(^|\/)(vllm[-/]|vllm([:@]|$)|text-generation-inference|tritonserver|kserve|sglang|ollama|nim\/)/;

/** Kinds that keep model servers running. */
const SERVING_KINDS = new Set([
  'InferenceService',
  'ServingRuntime',
  'ClusterServingRuntime',
  'RayService',
  'LeaderWorkerSet',
]);

/** The accelerator resources a container requests or limits. */
function acceleratorResources(container: Field): Field[] {
  const found: Field[] = [];
  for (const part of ['limits', 'requests']) {
    for (const [key, field] of container.at('resources', part)?.entries() ?? []) {
      if (ACCELERATOR_RESOURCE.test(key)) found.push(field);
    }
  }
  return found;
}

/** Whether the workload runs to completion; Volcano's `Job` has the same kind name. */
export function isBatchKind(workload: Workload): boolean {
  return BATCH_KINDS.has(workload.kind);
}

/**
 * GPU and accelerator resources, with the kind or image that tells training from serving:
 * batch kinds train, serving kinds and model-server images serve, other long-running kinds
 * serve, and a bare Pod without a model-server image counts as a training run.
 */
export function findAccelerators(workload: Workload): RoleEvidence[] {
  const resources: Field[] = [];
  let servingImage: Field | undefined;
  for (const pod of workload.pods) {
    for (const container of pod.containers) {
      resources.push(...acceleratorResources(container.field));
      const image = container.field.get('image');
      if (!servingImage && SERVING_IMAGE.test(image?.string()?.toLowerCase() ?? '')) {
        servingImage = image;
      }
    }
  }
  const first = resources[0];
  if (!first) return [];

  const resourceName = String(first.pair?.key ?? 'accelerator');
  const resourceReason = `requests ${resourceName}`;
  const training =
    isBatchKind(workload) ||
    (workload.kind === 'Pod' && servingImage === undefined && !SERVING_KINDS.has(workload.kind));
  const role = training ? 'gpu-training' : 'gpu-inference';
  const evidence: RoleEvidence[] = [
    { role, path: workload.path, span: first.entrySpan, reason: resourceReason },
  ];
  if (servingImage && !training) {
    const reason = `image ${servingImage.string()} is a model server`;
    evidence.push({ role, path: workload.path, span: servingImage.entrySpan, reason });
  } else {
    const reason = training
      ? `kind ${workload.kind} runs to completion`
      : `kind ${workload.kind} keeps serving`;
    evidence.push({ role, path: workload.path, span: workload.span, reason });
  }
  return evidence;
}
