import type { Finding } from '../core/report/types.js';

/** `2 errors, 1 warning`, or `no problems`; info findings count as notes. */
export function describeCounts(findings: readonly Pick<Finding, 'severity'>[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, 'error'));
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning'));
  if (counts.info > 0) parts.push(plural(counts.info, 'note'));
  return parts.length === 0 ? 'no problems' : parts.join(', ');
}

/** `1 workload`, `2 workloads`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
