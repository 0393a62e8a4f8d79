import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeExtensions } from '../../../../src/core/rules/compose/index.js';
import { dockerfileExtensions } from '../../../../src/core/rules/dockerfile/index.js';
import { findRule } from '../../../../src/core/rules/registry.js';

describe('checks of other formats', () => {
  it('are merged onto a registered rule with their id, messages included', () => {
    const problems: string[] = [];
    for (const extension of [...composeExtensions, ...dockerfileExtensions]) {
      const rule = findRule(extension.id);
      if (!rule) {
        problems.push(`${extension.id}: no rule with this id is registered`);
        continue;
      }
      if (extension.checkCompose && rule.checkCompose !== extension.checkCompose) {
        problems.push(`${extension.id}: the compose check is not merged`);
      }
      if (extension.checkDockerfile && rule.checkDockerfile !== extension.checkDockerfile) {
        problems.push(`${extension.id}: the Dockerfile check is not merged`);
      }
      for (const [messageId, text] of Object.entries(extension.messages)) {
        if (rule.meta.messages[messageId] !== text) {
          problems.push(`${extension.id}: message ${messageId} is missing`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('keep the rule checks they join', () => {
    const privileged = findRule('privileged');
    assert.ok(privileged?.checkCompose);
    assert.ok(privileged.checkPod ?? privileged.checkWorkload, 'the Kubernetes check stays');
  });
});
