// Manifests whose findings depend on other files of the set: namespaces that enforce a level
// (one at another version), RuntimeClasses, dedicated pools, fixes from the configuration, a
// Windows pod that Restricted admits, compose services and suppressions. The worker tests run
// them split across threads, so every cross-file path of the set stage is exercised.

/** Relative path and text of each file. */
export const CROSS_FILES: Record<string, string> = {
  '.layerwise.yaml': `layering:
  sandboxRuntimeClasses: [secure-*]
  fixes:
    runtimeClassName: gvisor
    nodeSelector:
      pool: regulated
    toleration:
      key: dedicated
      value: regulated
      effect: NoSchedule
`,
  'platform/namespaces.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: legacy
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/enforce-version: v1.24
---
apiVersion: v1
kind: Namespace
metadata:
  name: strict
  labels:
    pod-security.kubernetes.io/enforce: restricted
`,
  'platform/runtime-classes.yaml': `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: gvisor
handler: runsc
scheduling:
  nodeSelector:
    sandbox: "true"
  tolerations:
    - key: sandbox
      operator: Exists
      effect: NoSchedule
---
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: secure-vm
handler: kata-qemu
`,
  'apps/payments.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: strict
  labels:
    compliance: pci-dss
spec:
  selector:
    matchLabels: {app: ledger}
  template:
    metadata:
      labels: {app: ledger}
    spec:
      containers:
        - name: ledger
          image: registry.example.com/ledger:1.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: vault
  namespace: strict
  labels:
    compliance: pci-dss
spec:
  selector:
    matchLabels: {app: vault}
  template:
    metadata:
      labels: {app: vault}
    spec:
      nodeSelector:
        pool: regulated
      tolerations:
        - key: dedicated
          value: regulated
          effect: NoSchedule
      containers:
        - name: vault
          image: registry.example.com/vault:1.0
`,
  'apps/legacy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: old-app
  namespace: legacy
spec:
  selector:
    matchLabels: {app: old}
  template:
    metadata:
      labels: {app: old}
    spec:
      hostNetwork: true
      volumes:
        - name: logs
          hostPath: {path: /var/log}
      containers:
        - name: app
          image: registry.example.com/old:0.9
          securityContext:
            procMount: Unmasked
          volumeMounts:
            - {name: logs, mountPath: /logs}
`,
  'apps/notebooks.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: notebook
  namespace: strict
spec:
  selector:
    matchLabels: {app: notebook}
  template:
    metadata:
      labels: {app: notebook}
    spec:
      runtimeClassName: gvisr
      containers:
        - name: notebook
          image: jupyter/base-notebook:2024-01-01
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: sandboxed-notebook
  namespace: tenants
spec:
  selector:
    matchLabels: {app: sandboxed}
  template:
    metadata:
      labels: {app: sandboxed}
    spec:
      runtimeClassName: gvisor
      containers:
        - name: notebook
          image: jupyter/base-notebook:2024-01-01
`,
  'apps/windows.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: windows-job
  namespace: strict
spec:
  os: {name: windows}
  containers:
    - name: job
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      securityContext:
        seccompProfile: {type: Unconfined}
        capabilities:
          add: [NET_ADMIN]
`,
  'apps/agents.yaml': `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: apps
  annotations:
    ignore-check.layerwise.dev/privileged: "the agent reads every container's logs"
    ignore-check.layerwise.dev/layering-agent-on-regulated-pool: ""
spec:
  selector:
    matchLabels: {app: log-agent}
  template:
    metadata:
      labels: {app: log-agent}
    spec:
      tolerations:
        - operator: Exists
      volumes:
        - name: varlog
          hostPath: {path: /var/log}
      containers:
        - name: agent
          image: fluent/fluent-bit:3.0
          securityContext:
            privileged: true
          volumeMounts:
            - {name: varlog, mountPath: /var/log}
`,
  'compose/compose.yaml': `services:
  web:
    image: nginx:1.27
    runtime: runsc
  builder:
    image: docker:27-dind
    privileged: true
    # layerwise-disable-next-line compose-docker-socket
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
`,
};
