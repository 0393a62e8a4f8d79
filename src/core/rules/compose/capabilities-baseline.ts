import { serviceItems } from '../../model/compose-service.js';
import { BASELINE_CAPABILITIES } from '../pss/capabilities-baseline.js';
import type { RuleExtension } from '../rule.js';

/** `cap_add` beyond the baseline set, the twin of the Pod Security control. */
export const capabilitiesBaselineCompose: RuleExtension = {
  id: 'capabilities-baseline',
  messages: {
    composeCapability:
      'Service "{{service}}" adds the capability {{capability}}, which Pod Security Baseline ' +
      'does not allow.',
  },

  checkCompose({ service, report }) {
    for (const item of serviceItems(service, 'cap_add')) {
      const text = item.string();
      if (text === undefined) continue;
      // Docker accepts capabilities in any case, with or without the CAP_ prefix.
      const capability = text.trim().toUpperCase().replace(/^CAP_/, '');
      if (BASELINE_CAPABILITIES.has(capability)) continue;
      report({
        messageId: 'composeCapability',
        data: { service: service.name, capability },
        span: item.span,
      });
    }
  },
};
