import { layeringGpuSharedNodes } from '../../../../src/core/rules/layering/layering-gpu-shared-nodes.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const serving = (spec: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: tgi
  namespace: ml
spec:
  template:
    spec:
      ${spec}
      containers:
        - name: tgi
          image: ghcr.io/huggingface/text-generation-inference:2.4.0
          resources:
            limits:
              amd.com/gpu: 1
`;

testRule(layeringGpuSharedNodes, {
  valid: [
    {
      name: 'a GPU pool pinned by required node affinity, its taint tolerated',
      text: serving(`affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - {key: karpenter.sh/nodepool, operator: In, values: [gpu-a100]}
      tolerations:
        - {key: amd.com/gpu, operator: Exists, effect: NoSchedule}`),
    },
    {
      name: 'a pool label of the options, tolerated through a RuntimeClass scheduling',
      text: `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata: {name: gpu}
handler: runc
scheduling:
  nodeSelector: {example.com/pool: gpu}
  tolerations: [{key: example.com/pool, operator: Exists}]
---
${serving('runtimeClassName: gpu')}`,
      options: { layering: { poolLabelKeys: ['example.com/pool'] } },
    },
    { name: 'no accelerator', text: fixture('payments-shared.yaml') },
  ],
  invalid: [
    {
      name: 'the vLLM KServe inference service',
      text: fixture('vllm-inference.yaml'),
      findings: [
        {
          range: '2:7-2:23',
          message:
            'InferenceService ml-serving/llama-chat is gpu-inference (requests nvidia.com/gpu; ' +
            'image vllm/vllm-openai:v0.6.3 is a model server) but is not pinned to dedicated ' +
            'GPU nodes (no nodeSelector or required node affinity on a node-pool label); its ' +
            'layers: shared kernel, shared nodes, baseline. Select the GPU pool and tolerate its ' +
            'taint, so the GPUs are not idle behind ordinary pods and the driver stack is not ' +
            'shared with them.',
        },
      ],
    },
    {
      name: 'affinity terms that allow any node are no pin',
      text: serving(`affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - {key: karpenter.sh/nodepool, operator: In, values: [gpu-a100]}
              - matchExpressions:
                  - {key: kubernetes.io/arch, operator: In, values: [amd64]}
      tolerations:
        - {key: amd.com/gpu, operator: Exists, effect: NoSchedule}`),
      findings: [{ range: '9:7-9:15', message: /gpu-inference \(requests amd.com\/gpu; image/ }],
    },
  ],
});
