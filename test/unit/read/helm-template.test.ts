import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Analyzer } from '../../../src/core/analyze.js';
import { maskTemplate } from '../../../src/core/read/helm-template.js';
import { formatRange } from '../../helpers/rule-tester.js';

function findingsOf(path: string, text: string): string[] {
  return analyze([{ path, text }]).findings.map(
    (finding) => `${finding.ruleId} ${formatRange(finding.range)}`,
  );
}

describe('maskTemplate', () => {
  it('blanks actions on lines of their own and fills actions inside lines', () => {
    const text = [
      'metadata:',
      '  name: {{ include "web.fullname" . }}',
      '  labels:',
      '    {{- include "web.labels" . | nindent 4 }}',
      '{{- if .Values.debug }}',
      '  image: "{{ .Values.image }}:{{ .Values.tag }}"',
      '{{- end }}{{/* a comment with }} inside */}}',
      '',
    ].join('\n');
    const masked = maskTemplate(text);
    assert.equal(
      masked.text,
      [
        'metadata:',
        '  name: ' + '_'.repeat(30),
        '  labels:',
        ' '.repeat(45),
        ' '.repeat(23),
        '  image: "' + '_'.repeat(19) + ':' + '_'.repeat(17) + '"',
        ' '.repeat(44),
        '',
      ].join('\n'),
    );
    assert.equal(masked.text.length, text.length);
    assert.equal(masked.actions.length, 7);
    assert.deepEqual(masked.openings, [], 'labels hold no settings');
  });

  it('counts a key filled by an inserting action as unknown, not a control action', () => {
    const text = 'securityContext:\n  {{- toYaml .Values.sc | nindent 2 }}\n{{- end }}\n';
    const masked = maskTemplate(text);
    const unknown = masked.unknown.map((span) => text.slice(span.start, span.end));
    assert.deepEqual(unknown, ['securityContext:\n  {{- toYaml .Values.sc | nindent 2 }}']);
    assert.equal(masked.openings.length, 1);
  });

  it('keeps a multi-line action on its lines', () => {
    const text = 'a: 1\n{{- /*\nnotes\n*/ -}}\nb: 2\n';
    assert.equal(maskTemplate(text).text, 'a: 1\n      \n     \n      \nb: 2\n');
  });
});

describe('Helm templates', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "web.fullname" . }}
  namespace: {{ .Release.Namespace }}
spec:
  template:
    spec:
      hostNetwork: {{ .Values.hostNetwork }}
      hostPID: true
      containers:
        - name: web
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
        - name: agent
          image: example/agent:1.9
          securityContext:
            privileged: {{ .Values.agent.privileged }}
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            seccompProfile: {type: RuntimeDefault}
            capabilities: {drop: [ALL]}
        - name: shipper
          image: fluent/fluent-bit:3.1
          securityContext:
            privileged: true
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            seccompProfile: {type: RuntimeDefault}
            capabilities: {drop: [ALL]}
`;

  it('finds literal settings at their place and leaves what values decide unknown', () => {
    assert.deepEqual(findingsOf('chart/templates/deployment.yaml', deployment), [
      'host-namespaces 10:7-10:20',
      'privileged 27:13-27:29',
    ]);
  });

  it('reports what an object lacks when values insert only labels', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}
  labels:
    {{- include "web.labels" . | nindent 4 }}
spec:
  containers:
    - name: web
      image: nginx:1.27
`;
    const findings = findingsOf('chart/templates/pod.yaml', text);
    assert.ok(findings.includes('run-as-non-root 9:7-9:16'), String(findings));
  });

  it('leaves set findings unknown where values decide, such as the node selector', () => {
    const regulated = (placement: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "payments.fullname" . }}
  namespace: payments
  labels:
    compliance: pci-dss
spec:
  template:
    spec:
${placement}      containers:
        - name: api
          image: registry.example.com/payments/api:4.2.1
`;
    const shared = findingsOf('chart/templates/api.yaml', regulated(''));
    assert.ok(shared.includes('layering-regulated-shared-nodes 2:7-2:17'), String(shared));

    const templated = regulated(
      '      {{- with .Values.nodeSelector }}\n      nodeSelector:\n' +
        '        {{- toYaml . | nindent 8 }}\n      {{- end }}\n',
    );
    const unknown = findingsOf('chart/templates/api.yaml', templated);
    assert.ok(!unknown.some((finding) => finding.startsWith('layering-')), String(unknown));
  });

  it('names a workload by the template text of its name', () => {
    const report = analyze([{ path: 'chart/templates/deployment.yaml', text: deployment }]);
    assert.deepEqual(
      report.workloads.map((workload) => workload.id),
      ['Deployment/{{ .Release.Namespace }}/{{ include "web.fullname" . }}'],
    );
  });

  it('keeps a template document by its text as written, not as masked', () => {
    const analyzer = new Analyzer();
    const path = 'chart/templates/deployment.yaml';
    const first = analyzer.analyze([{ path, text: deployment }]);
    const renamed = deployment.replace('"web.fullname"', '"api.fullname"');
    const second = analyzer.analyze([{ path, text: renamed }]);
    assert.deepEqual(
      [...first.workloads, ...second.workloads].map((workload) => workload.name),
      ['{{ include "web.fullname" . }}', '{{ include "api.fullname" . }}'],
    );
    assert.ok(second.findings.every((finding) => finding.workload?.includes('api.fullname')));
  });

  it('reports no syntax error that templating causes', () => {
    const text = `{{- if .Values.debug }}
apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-debug
  annotations:
    checksum: {{ .Values.a }}: {{ .Values.b }}
spec:
  containers:
    - name: debug
      image: busybox:1.36
      securityContext: {privileged: true}
{{- end }}
`;
    const findings = findingsOf('any/debug-pod.yaml', text);
    assert.ok(!findings.some((finding) => finding.startsWith('yaml-syntax')), String(findings));
    assert.ok(findings.includes('privileged 12:25-12:41'), String(findings));
  });

  it('still reports syntax errors in a document without template actions', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}
---
apiVersion: v1
kind: ConfigMap
data: [unclosed
`;
    assert.deepEqual(findingsOf('chart/templates/config.yaml', text), ['yaml-syntax 9:1-9:2']);
  });
});
