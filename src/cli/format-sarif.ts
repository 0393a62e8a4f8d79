import { createHash } from 'node:crypto';
import {
  RULES,
  ruleDocPath,
  type Finding,
  type Range,
  type Report,
  type Severity,
} from '../core/index.js';

/** Where rule documentation pages are published: the repository's default branch. */
export const DOCS_BASE_URL = 'https://github.com/layerwise-dev/layerwise/blob/main/';
export const INFORMATION_URI = 'https://github.com/layerwise-dev/layerwise';
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF region: 1-based lines and columns; the end column is just after the last character. */
interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * Builds a SARIF 2.1.0 log of the report, as GitHub code scanning reads it: every rule with its
 * documentation, and each finding as a result whose locations are relative to the checkout.
 */
export function formatSarif(report: Report, version: string): object {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
  const seen = new Map<string, number>();

  const results = report.findings.map((finding) => {
    const index = ruleIndex.get(finding.ruleId);
    return {
      ruleId: finding.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [location(finding.path, finding.range)],
      ...(finding.related.length > 0
        ? {
            relatedLocations: finding.related.map((related, id) => ({
              id,
              ...location(related.path, related.range),
              message: { text: related.message },
            })),
          }
        : {}),
      partialFingerprints: { 'layerwiseFinding/v1': fingerprint(finding, seen) },
    };
  });

  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Layerwise',
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules: RULES.map(({ meta }) => {
              const helpUri = DOCS_BASE_URL + ruleDocPath(meta.id);
              return {
                id: meta.id,
                name: pascalCase(meta.id),
                shortDescription: { text: meta.description },
                fullDescription: { text: fullDescription(meta.description, meta.pss) },
                helpUri,
                help: {
                  text: meta.remediation,
                  markdown: `${meta.remediation}\n\n[Rule documentation](${helpUri})`,
                },
                defaultConfiguration: { level: LEVELS[meta.severity] },
                properties: { tags: meta.pss ? ['security', `pss-${meta.pss}`] : [meta.family] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder checked from.' } } },
        results,
      },
    ],
  };
}

function location(path: string, range: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(path), uriBaseId: '%SRCROOT%' },
      region: toRegion(range),
    },
  };
}

function toRegion(range: Range): SarifRegion {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A relative URI reference: `/` separators, each segment percent-encoded. */
export function toUri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function fullDescription(description: string, pss: string | null): string {
  if (!pss) return description;
  return `${description} Part of the Pod Security Standards ${pss} profile.`;
}

/**
 * Identifies a finding across runs without its line, so moving a manifest's lines does not make
 * code scanning see a new alert; repeats of the same finding in a file are numbered.
 */
function fingerprint(finding: Finding, seen: Map<string, number>): string {
  const key = [finding.ruleId, finding.path, finding.workload ?? '', finding.message].join('\0');
  const occurrence = (seen.get(key) ?? 0) + 1;
  seen.set(key, occurrence);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `${hash}:${occurrence}`;
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
