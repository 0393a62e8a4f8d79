import type { LayeringOptions } from './layering/options.js';
import { layeringPicture } from './layering/picture.js';
import { summarizeLayering, type LayeringSummary } from './layering/summary.js';
import type { KubeObject } from './model/kubernetes-object.js';
import type { Workload } from './model/workload.js';
import { DEFAULT_MAX_FILE_BYTES, exceedsBytes, readOversizedFile } from './read/file-size.js';
import { keepLiteralSetFindings } from './read/helm-template.js';
import { readFile, type DocumentCache, type FileModel } from './read/read-file.js';
import { compareFindings, PositionTable, toFinding } from './report/build-report.js';
import type { Finding, PssLevel, RawFinding, Range, Severity } from './report/types.js';
import {
  applyNamespaceAdmission,
  type AdmissionInputs,
  type AdmissionResult,
} from './rules/pss/namespace-admission.js';
import { LATEST_PSS_VERSION, parsePssVersion } from './rules/pss/version.js';
import { RULES } from './rules/registry.js';
import { runSetRules } from './rules/run-rules.js';
import type { Rule, RuleOptions } from './rules/rule.js';
import { readSuppressions, suppressFindings } from './suppress/suppress-findings.js';
import type { Suppression } from './suppress/suppression.js';

/** A file to analyse: its path (used in findings as given) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** What to check and how strictly. */
export interface AnalyzeOptions {
  /** The Pod Security level to hold workloads to. Default `restricted`. */
  profile?: PssLevel;
  /** `v1.N` or `latest`. Default `latest`. */
  pssVersion?: string;
  /** Severity overrides by rule id; `off` turns a rule off. Default none. */
  rules?: Record<string, Severity | 'off'>;
  /** How the layering model reads the platform. Default: see `LayeringOptions`. */
  layering?: LayeringOptions;
  /**
   * Manifests larger than this many bytes (UTF-8) are not analysed; each gets one
   * `file-too-large` finding instead. Default 8 MiB.
   */
  maxFileBytes?: number;
}

/** One workload as the report describes it, with its layering (see docs/layering.md). */
export interface WorkloadSummary extends LayeringSummary {
  id: string;
  kind: string;
  name: string;
  namespace: string;
  path: string;
  range: Range;
}

/** The result of an analysis: plain data, as the CLI prints it in JSON. */
export interface Report {
  findings: Finding[];
  workloads: WorkloadSummary[];
}

interface CachedFile {
  text: string;
  optionsKey: string;
  model: FileModel;
  documents: DocumentCache;
}

/**
 * Analyses sets of files and keeps each file's results, so the next analysis of the same set
 * re-reads only what changed: unchanged files cost a lookup, and in a changed file only the
 * changed documents are parsed and checked again.
 */
export class Analyzer {
  private readonly files = new Map<string, CachedFile>();

  /** Analyses `files` as one set: cross-file checks see all of them. */
  analyze(files: readonly SourceFile[], options: AnalyzeOptions = {}): Report {
    const ruleOptions = toRuleOptions(options);
    const optionsKey = JSON.stringify(ruleOptions);
    const rules = activeRules(options);

    const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const models = files.map((file) =>
      exceedsBytes(file.text, limit)
        ? readOversizedFile(file.path, file.text, limit)
        : this.readCached(file, rules, ruleOptions, optionsKey),
    );
    return analyzeSet(
      {
        files,
        workloads: models.flatMap((model) => model.workloads),
        objects: models.flatMap((model) => model.objects),
        findings: models.flatMap((model) => model.findings),
        suppressions: readSuppressions(models),
        keepLiteral: (found) => keepLiteralSetFindings(found, models),
      },
      options,
    );
  }

  /** Drops what is kept for a file, e.g. when it is deleted. */
  forget(path: string): void {
    this.files.delete(path);
  }

  private readCached(
    file: SourceFile,
    rules: typeof RULES,
    options: RuleOptions,
    optionsKey: string,
  ): FileModel {
    const cached = this.files.get(file.path);
    if (cached && cached.text === file.text && cached.optionsKey === optionsKey) {
      return cached.model;
    }
    const previous = cached?.optionsKey === optionsKey ? cached.documents : undefined;
    const documents: DocumentCache = new Map();
    const model = readFile(file.path, file.text, rules, options, previous, documents);
    this.files.set(file.path, { text: file.text, optionsKey, model, documents });
    return model;
  }
}

/** What the set stage reads of the files analysed together, in the order of the files. */
export interface SetInput {
  files: readonly SourceFile[];
  workloads: Workload[];
  objects: KubeObject[];
  /** The findings of each file's own checks. */
  findings: RawFinding[];
  suppressions: Suppression[];
  /** Drops the set findings that a Helm template's actions make unsure. */
  keepLiteral(findings: RawFinding[]): RawFinding[];
  /** What namespace admission is given instead of reading it from the fields. Default none. */
  admission?: AdmissionInputs;
}

/**
 * The set stage: cross-workload checks, namespace admission, suppressions, the profile, and
 * the report. `Analyzer` runs it on the files it read; `analyzeParts` on files read elsewhere.
 */
export function analyzeSet(input: SetInput, options: AnalyzeOptions): Report {
  const ruleOptions = toRuleOptions(options);
  const rules = activeRules(options);
  const { workloads, objects } = input;
  const raw: RawFinding[] = [...input.findings];
  raw.push(...input.keepLiteral(runSetRules(rules, workloads, objects, ruleOptions)));
  const admission = applyNamespaceAdmission(
    raw,
    workloads,
    objects,
    rules,
    ruleOptions,
    input.admission,
  );
  const unsuppressed = suppressFindings(admission.findings, input.suppressions, rules);

  const texts = new Map(input.files.map((file) => [file.path, file.text]));
  const positions = new PositionTable((path) => texts.get(path));
  const findings = applyProfile(unsuppressed, options, admission)
    .map((finding) => toFinding(finding, positions))
    .sort(compareFindings);
  const picture = layeringPicture(workloads, objects, ruleOptions);
  const toRange = positions.range.bind(positions);
  const summaries = picture.workloads.map((entry) => ({
    id: entry.workload.id,
    kind: entry.workload.kind,
    name: entry.workload.name,
    namespace: entry.workload.namespace,
    path: entry.workload.path,
    range: positions.range(entry.workload.path, entry.workload.span),
    ...summarizeLayering(entry, picture, toRange),
  }));
  return { findings, workloads: summaries };
}

/** The rules `options` leave on. */
export function activeRules(options: AnalyzeOptions): Rule[] {
  return RULES.filter((rule) => options.rules?.[rule.meta.id] !== 'off');
}

/** Analyses files once, without keeping anything. */
export function analyze(files: readonly SourceFile[], options: AnalyzeOptions = {}): Report {
  return new Analyzer().analyze(files, options);
}

/** The options every check reads, from the options of an analysis. */
export function toRuleOptions(options: AnalyzeOptions): RuleOptions {
  const version = options.pssVersion ? parsePssVersion(options.pssVersion) : LATEST_PSS_VERSION;
  return { pssVersion: version ?? LATEST_PSS_VERSION, layering: options.layering ?? {} };
}

/**
 * Applies the profile and severity overrides; a finding admission would reject keeps both. The
 * restricted profile leaves out the baseline findings that upstream's Restricted admits.
 */
function applyProfile(
  findings: RawFinding[],
  options: AnalyzeOptions,
  admission: AdmissionResult,
): RawFinding[] {
  const profile = options.profile ?? 'restricted';
  const result: RawFinding[] = [];
  for (const finding of findings) {
    const rejected = admission.enforced.has(finding);
    if (profile === 'baseline' && finding.pss === 'restricted' && !rejected) continue;
    if (profile === 'restricted' && admission.restrictedAdmits.has(finding) && !rejected) continue;
    const override = options.rules?.[finding.ruleId];
    if (override === 'off') continue;
    result.push(override && !rejected ? { ...finding, severity: override } : finding);
  }
  return result;
}
