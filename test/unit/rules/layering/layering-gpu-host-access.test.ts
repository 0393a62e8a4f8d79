import { layeringGpuHostAccess } from '../../../../src/core/rules/layering/layering-gpu-host-access.js';
import { testRule } from '../../../helpers/rule-tester.js';
import { fixture } from './fixtures.js';

const job = (spec: string, container = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: train
  namespace: ml
spec:
  template:
    spec:
      ${spec}
      containers:
        - name: train
          image: nvcr.io/nvidia/pytorch:24.09-py3
          resources:
            limits: {nvidia.com/gpu: 1}${container}
`;

testRule(layeringGpuHostAccess, {
  valid: [
    { name: 'a GPU job with shared memory from an emptyDir', text: job('restartPolicy: Never') },
    { name: 'hostIPC without a GPU is for other rules', text: fixture('payments-shared.yaml') },
  ],
  invalid: [
    {
      name: 'the PyTorchJob with nvidia.com/gpu and hostIPC',
      text: fixture('pytorch-training.yaml'),
      findings: [
        {
          range: '12:11-12:24',
          message:
            'PyTorchJob ml/llama-finetune is gpu-training (requests nvidia.com/gpu; kind ' +
            'PyTorchJob runs to completion) and shares the host’s IPC namespace for shared ' +
            'memory: every process on the node can read its tensors. Mount an emptyDir with ' +
            'medium: Memory at /dev/shm instead.',
        },
      ],
      output: `apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  name: llama-finetune
  namespace: ml
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 4
      template:
        spec:
          containers:
            - name: pytorch
              image: nvcr.io/nvidia/pytorch:24.09-py3
              command: ["torchrun", "--nproc_per_node=8", "train.py"]
              resources:
                limits:
                  nvidia.com/gpu: 8
              volumeMounts:
                - {name: dshm, mountPath: /dev/shm}
          volumes:
            - {name: dshm, emptyDir: {medium: Memory}}
`,
    },
    {
      name: 'existing volumes and mounts get one more item; hostPID and privileged too',
      text: job(
        `hostIPC: true
      hostPID: true
      volumes:
        - name: data
          emptyDir: {}`,
        `
          securityContext: {privileged: true}
          volumeMounts:
            - name: data
              mountPath: /data`,
      ),
      findings: [
        { range: '9:7-9:20', message: /IPC namespace/ },
        { range: '10:7-10:20', message: /sets hostPID, which GPU work does not need/ },
        { range: '19:29-19:45', message: /container "train" is privileged/ },
      ],
      output: job(
        `volumes:
        - name: data
          emptyDir: {}
        - {name: dshm, emptyDir: {medium: Memory}}`,
        `
          securityContext: {privileged: true}
          volumeMounts:
            - name: data
              mountPath: /data
            - {name: dshm, mountPath: /dev/shm}`,
      ),
    },
  ],
});
