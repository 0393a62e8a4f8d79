import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFile } from '../../../../src/core/read/read-file.js';
import { LineIndex } from '../../../../src/core/report/line-index.js';
import { internalError } from '../../../../src/core/rules/general/internal-error.js';
import { LATEST_PSS_VERSION } from '../../../../src/core/rules/pss/version.js';
import type { Rule } from '../../../../src/core/rules/rule.js';
import { unusedSuppression } from '../../../../src/core/rules/general/unused-suppression.js';
import { runSetRules } from '../../../../src/core/rules/run-rules.js';
import {
  readSuppressions,
  suppressFindings,
} from '../../../../src/core/suppress/suppress-findings.js';
import { formatRange } from '../../../helpers/rule-tester.js';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

const meta = { ...internalError.meta, id: 'broken-rule', messages: { found: 'found' } };
const options = { pssVersion: LATEST_PSS_VERSION };

/** Findings of a file read with `rules`, as `rule range message`. */
function read(rules: Rule[]) {
  const model = readFile('pod.yaml', TEXT, rules, options, undefined, new Map());
  const index = new LineIndex(TEXT);
  return {
    model,
    findings: model.findings.map(
      (finding) => `${finding.ruleId} ${formatRange(index.range(finding.span))} ${finding.message}`,
    ),
  };
}

describe('internal-error', () => {
  it('is not reported when rules run cleanly', () => {
    const quiet: Rule = { meta, checkPod() {} };
    assert.deepEqual(read([quiet]).findings, []);
  });

  it('reports a rule that throws at the workload, and keeps the other rules\u2019 findings', () => {
    const crashing: Rule = {
      meta,
      checkPod() {
        throw new Error('cannot read properties of undefined');
      },
    };
    const working: Rule = {
      meta: { ...meta, id: 'working-rule' },
      checkPod({ pod, report }) {
        report({ messageId: 'found', span: pod.spec.span });
      },
    };
    assert.deepEqual(read([crashing, working]).findings, [
      'internal-error 2:7-2:10 Rule broken-rule failed on this object: ' +
        'cannot read properties of undefined',
      'working-rule 6:3-9:1 found',
    ]);
  });

  it('reports a set check that throws, once', () => {
    const crashing: Rule = {
      meta,
      checkSet() {
        throw new TypeError('no workloads');
      },
    };
    const { model } = read([]);
    const findings = runSetRules([crashing], model.workloads, model.objects, options);
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.path, finding.message]),
      [['internal-error', 'pod.yaml', 'Rule broken-rule failed on this object: no workloads']],
    );
  });

  it('leaves the suppressions of a rule that threw unjudged: its findings are missing', () => {
    // A registered id, so a suppression of it that covers nothing would be unused.
    const privilegedMeta = { ...meta, id: 'privileged' };
    const unusedIn = (rule: Rule) => {
      const text = `# layerwise-disable-file privileged -- legacy agent\n${TEXT}`;
      const model = readFile('pod.yaml', text, [rule], options, undefined, new Map());
      const findings = suppressFindings(model.findings, readSuppressions([model]), [
        rule,
        unusedSuppression,
      ]);
      return findings.filter((finding) => finding.ruleId === unusedSuppression.meta.id).length;
    };
    const crashing: Rule = {
      meta: privilegedMeta,
      checkPod() {
        throw new Error('boom');
      },
    };
    assert.equal(unusedIn({ meta: privilegedMeta, checkPod() {} }), 1);
    assert.equal(unusedIn(crashing), 0);
  });
});
