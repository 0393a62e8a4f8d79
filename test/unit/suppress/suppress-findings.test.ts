import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type AnalyzeOptions } from '../../../src/core/analyze.js';
import { UNSUPPRESSIBLE_RULES } from '../../../src/core/suppress/unused-suppressions.js';
import { formatRange } from '../../helpers/rule-tester.js';

// The fixtures break other rules too; these tests look at the rules they suppress or report.
const RULES_SEEN = new Set([
  'privileged',
  'yaml-syntax',
  'suppression-reason',
  'suppression-unknown-rule',
]);

/** Each finding of the rules seen, as `rule range`, ranges 1-based as editors show them. */
function check(text: string, options?: AnalyzeOptions, path = 'test.yaml'): string[] {
  return analyze([{ path, text }], options)
    .findings.filter((finding) => RULES_SEEN.has(finding.ruleId))
    .map((finding) => `${finding.ruleId} ${formatRange(finding.range)}`);
}

const pod = (before: string, containerComment = '') => `apiVersion: v1
kind: Pod
metadata:
  name: demo
${before}spec:
  containers:
${containerComment}    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

describe('suppression comments', () => {
  it('reports when nothing suppresses', () => {
    assert.deepEqual(check(pod('')), ['privileged 10:9-10:25']);
  });

  it('covers the key entry that starts on the next line', () => {
    const text = pod('# layerwise-disable-next-line privileged -- legacy agent needs it\n');
    assert.deepEqual(check(text), []);
  });

  it('covers the list item that starts on the next line', () => {
    const text = pod('', '    # layerwise-disable-next-line privileged -- reviewed\n');
    assert.deepEqual(check(text), []);
  });

  it('skips blank lines and other comments before the node', () => {
    const text = pod('', '    # layerwise-disable-next-line privileged -- reviewed\n\n    # why\n');
    assert.deepEqual(check(text), []);
  });

  it('does not cover a node after the next one', () => {
    const text = pod('# layerwise-disable-next-line privileged -- reviewed\nstatus: {}\n');
    assert.deepEqual(check(text), ['privileged 12:9-12:25']);
  });

  it('does not cover other rules', () => {
    const text = pod('# layerwise-disable-next-line host-network -- reviewed\n');
    assert.deepEqual(check(text), ['suppression-unknown-rule 5:31-5:43', 'privileged 11:9-11:25']);
  });

  it('covers the whole object above the first line of a document, and only that document', () => {
    const text = `# layerwise-disable-next-line privileged -- sandboxed node pool
${pod('')}---
${pod('')}`;
    assert.deepEqual(check(text), ['privileged 22:9-22:25']);
  });

  it('reads a comment before a document marker as about that document', () => {
    const text = `${pod('')}# layerwise-disable-next-line privileged -- reviewed
---
${pod('')}`;
    assert.deepEqual(check(text), ['privileged 10:9-10:25']);
  });

  it('takes several rules separated by commas', () => {
    const text = pod('# layerwise-disable-next-line yaml-syntax, privileged -- reviewed\n');
    assert.deepEqual(check(text), []);
  });

  it('ignores comment-like lines inside block scalars', () => {
    const text = `${pod('')}---
apiVersion: v1
kind: ConfigMap
metadata: {name: script}
data:
  run.sh: |
    # layerwise-disable-file privileged -- not a comment, a line of the script
    echo hi
`;
    assert.deepEqual(check(text), ['privileged 10:9-10:25']);
  });

  it('covers the whole file with disable-file, and no other file', () => {
    const text = `${pod('')}# layerwise-disable-file privileged -- CI fixtures\n`;
    const report = analyze([
      { path: 'a.yaml', text },
      { path: 'b.yaml', text: pod('') },
    ]);
    const found = report.findings
      .filter((finding) => RULES_SEEN.has(finding.ruleId))
      .map((finding) => `${finding.path} ${finding.ruleId}`);
    assert.deepEqual(found, ['b.yaml privileged']);
  });
});

describe('suppressions without a reason or with unknown rules', () => {
  it('suppresses but reports a missing reason at the comment', () => {
    const text = pod('  # layerwise-disable-next-line privileged\n');
    assert.deepEqual(check(text), ['suppression-reason 5:3-5:43']);
  });

  it('treats an empty reason after "--" as missing', () => {
    const text = pod('# layerwise-disable-next-line privileged --   \n');
    assert.deepEqual(check(text), ['suppression-reason 5:1-5:47']);
  });

  it('reports an unknown rule at its id and keeps the known one', () => {
    const text = pod('# layerwise-disable-next-line privilegd, privileged -- typo\n');
    assert.deepEqual(check(text), ['suppression-unknown-rule 5:31-5:40']);
  });

  it('reports a suppression that names no rule', () => {
    const text = pod('# layerwise-disable-file -- everything\n');
    assert.deepEqual(check(text), ['suppression-unknown-rule 5:1-5:39', 'privileged 11:9-11:25']);
  });

  it('lets the configuration turn the reason check off', () => {
    const text = pod('# layerwise-disable-next-line privileged\n');
    assert.deepEqual(check(text, { rules: { 'suppression-reason': 'off' } }), []);
  });
});

describe('suppression annotations', () => {
  const deployment = (objectAnnotations: string, podAnnotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
  annotations:
    ${objectAnnotations}
spec:
  template:
    metadata:
      annotations:
        ${podAnnotations}
    spec:
      containers:
        - name: agent
          image: agent:2.1
          securityContext: {privileged: true}
`;

  it('suppresses the rule for the workload from the object metadata', () => {
    const text = deployment('ignore-check.layerwise.dev/privileged: "reads host devices"', 'a: b');
    assert.deepEqual(check(text), []);
  });

  it('suppresses the rule for the workload from the pod template metadata', () => {
    const text = deployment('a: b', 'ignore-check.layerwise.dev/privileged: "reads host devices"');
    assert.deepEqual(check(text), []);
  });

  it('reports an empty reason at the annotation', () => {
    const text = deployment('a: b', 'ignore-check.layerwise.dev/privileged: ""');
    assert.deepEqual(check(text), ['suppression-reason 11:9-11:50']);
  });

  it('reports an unknown rule at the id inside the key', () => {
    const text = deployment('"ignore-check.layerwise.dev/no-such-rule": reviewed', 'a: b');
    assert.deepEqual(check(text), ['suppression-unknown-rule 6:33-6:45', 'privileged 16:29-16:45']);
  });

  it('does not suppress other workloads', () => {
    const text = `${deployment('ignore-check.layerwise.dev/privileged: reviewed', 'a: b')}---
${deployment('a: b', 'a: b')}`;
    assert.deepEqual(check(text), ['privileged 33:29-33:45']);
  });
});

describe('suppressions in Helm templates', () => {
  it('reads comments and annotations as in plain manifests', () => {
    const template = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {{ include "agent.fullname" . }}
  annotations:
    ignore-check.layerwise.dev/privileged: {{ .Values.privilegedReason | quote }}
spec:
  template:
    spec:
      containers:
        # layerwise-disable-next-line privileged
        - name: agent
          image: "{{ .Values.image }}"
          securityContext:
            privileged: true
`;
    const findings = check(template, undefined, 'chart/templates/agent.yaml');
    assert.deepEqual(findings, ['suppression-reason 11:9-11:49']);
  });

  it('skips lines that hold only template actions before the node', () => {
    const template = `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: agent:2.1
      # layerwise-disable-next-line privileged -- the agent reads host devices
      {{- if .Values.agent.privileged }}
      securityContext:
        privileged: true
      {{- end }}
`;
    assert.deepEqual(check(template, undefined, 'chart/templates/pod.yaml'), []);
  });
});

describe('suppressions in compose files and Dockerfiles', () => {
  const compose = (comment: string) => `services:
  agent:
    image: datadog/agent:7
${comment}    privileged: true
    user: "1000"
`;

  it('reads the comment forms in a compose file', () => {
    assert.deepEqual(check(compose(''), undefined, 'compose.yaml'), ['privileged 4:5-4:21']);
    const text = compose('    # layerwise-disable-next-line privileged -- host metrics agent\n');
    assert.deepEqual(check(text, undefined, 'compose.yaml'), []);
  });

  it('reports a Dockerfile pragma without a reason, and still honours it', () => {
    const text = '# layerwise ignore=run-as-root\nFROM alpine:3.20\nRUN true\n';
    const findings = analyze([{ path: 'Dockerfile', text }]).findings;
    assert.deepEqual(
      findings.map((finding) => `${finding.ruleId} ${formatRange(finding.range)}`),
      ['suppression-reason 1:1-1:31'],
    );
  });

  it('reports an unknown rule named in a Dockerfile pragma', () => {
    const text = 'FROM alpine:3.20\nUSER 1000\n# layerwise ignore=no-such-rule -- typo\nRUN true\n';
    const findings = analyze([{ path: 'Dockerfile', text }]).findings;
    assert.deepEqual(
      findings.map((finding) => finding.ruleId),
      ['suppression-unknown-rule'],
    );
  });

  it('never suppresses the findings about suppressions (UNSUPPRESSIBLE_RULES)', () => {
    const quiet = [...UNSUPPRESSIBLE_RULES]
      .map((rule) => `# layerwise-disable-file ${rule} -- trying to silence it\n`)
      .join('');
    const text = pod(
      `${quiet}  # layerwise-disable-next-line no-such-rule\n`,
      '    # layerwise-disable-next-line privileged\n',
    );
    // The reasonless suppression still covers privileged; its own finding stays.
    assert.deepEqual(check(text), [
      'suppression-reason 7:3-7:45',
      'suppression-unknown-rule 7:33-7:45',
      'suppression-reason 10:5-10:45',
    ]);
  });
});
