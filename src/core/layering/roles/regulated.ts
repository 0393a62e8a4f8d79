import type { Workload } from '../../model/workload.js';
import type { RoleEvidence } from '../types.js';
import { metadataEntries, namespaceSpan, words } from './metadata.js';

/** Words that name a compliance regime in a label, an annotation or a namespace. */
const COMPLIANCE_WORDS = new Set(['pci', 'pcidss', 'hipaa', 'gdpr', 'sox', 'fedramp']);

/** Label keys that carry a data classification, and the values that mean regulated data. */
const CLASSIFICATION_KEY_WORDS = new Set(['classification', 'sensitivity', 'confidentiality']);
const CLASSIFIED_VALUE_WORDS = new Set(['restricted', 'confidential', 'secret']);

/** Keys other tools own whose values use the same words with another meaning. */
const IGNORED_KEY_PREFIXES = ['pod-security.kubernetes.io/', 'layerwise.dev/'];

/** Compliance and data-classification labels and annotations, and namespaces named for them. */
export function findRegulated(workload: Workload): RoleEvidence[] {
  const evidence: RoleEvidence[] = [];
  const clue = (span: RoleEvidence['span'], reason: string) =>
    evidence.push({ role: 'regulated', path: workload.path, span, reason });

  for (const entry of metadataEntries(workload)) {
    if (IGNORED_KEY_PREFIXES.some((prefix) => entry.key.startsWith(prefix))) continue;
    const keyWords = words(entry.key);
    const valueWords = words(entry.value);
    const regime = [...keyWords, ...valueWords].find((word) => COMPLIANCE_WORDS.has(word));
    if (regime) {
      clue(entry.span, `${entry.kind} ${entry.key}: ${entry.value} names ${regime.toUpperCase()}`);
      continue;
    }
    const classified = valueWords.find((word) => CLASSIFIED_VALUE_WORDS.has(word));
    if (classified && keyWords.some((word) => CLASSIFICATION_KEY_WORDS.has(word))) {
      clue(entry.span, `${entry.kind} ${entry.key}: ${entry.value} classifies its data`);
    }
  }

  const regime = words(workload.namespace).find((word) => COMPLIANCE_WORDS.has(word));
  if (regime) {
    clue(
      namespaceSpan(workload),
      `namespace ${workload.namespace} is named for ${regime.toUpperCase()}`,
    );
  }
  return evidence;
}
