import type { ComposeService } from '../model/compose-service.js';
import type { Dockerfile } from '../model/dockerfile.js';
import type { LayeringOptions } from '../layering/options.js';
import type { KubeObject } from '../model/kubernetes-object.js';
import type { PodTemplate } from '../model/pod-templates.js';
import type { Workload } from '../model/workload.js';
import type { Fix, PssLevel, RelatedSpan, Severity, Span } from '../report/types.js';
import type { PssVersion } from './pss/version.js';

/** Groups of rules; each is a folder under `src/core/rules`. */
export type RuleFamily = 'general' | 'pss' | 'compose' | 'dockerfile' | 'layering';

/** What a rule is, for the engine, the docs, SARIF and the editor. */
export interface RuleMeta {
  /** kebab-case id; the rule's file and doc page carry the same name. */
  id: string;
  family: RuleFamily;
  /** One sentence: what the rule checks. */
  description: string;
  /** Severity when neither the profile, a namespace nor the user says otherwise. */
  severity: Severity;
  /** The Pod Security level whose control the rule implements, or null. */
  pss: PssLevel | null;
  /** Whether the rule offers fixes; the engine drops fixes from rules that do not declare it. */
  fixable: boolean;
  /** One sentence: how to fix what the rule finds. */
  remediation: string;
  /** Message templates by id; `{{name}}` is replaced by the report's data. */
  messages: Record<string, string>;
}

/** What a rule reports; the engine adds the rule id, severity, path and workload. */
export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  span: Span;
  /** The path of the file `span` is in, when it is not the file being checked. */
  path?: string;
  related?: RelatedSpan[];
  fixes?: Fix[];
  /** The workload the finding is about, when the context has none or it is another one. */
  workload?: Workload;
  /**
   * The Pod Security level of this one finding when it is stricter than the rule's own: a
   * baseline control whose restricted twin still forbids what baseline now allows. Such a
   * finding takes the restricted severity (warning) and is dropped by the baseline profile.
   */
  pss?: 'restricted';
}

/** Settings every check can read. */
export interface RuleOptions {
  /** The Pod Security Standards version checks follow. */
  pssVersion: PssVersion;
  /** How the layering model reads the platform; part of the cache key. Default none. */
  layering?: LayeringOptions;
}

interface CheckContext {
  options: RuleOptions;
  report(descriptor: ReportDescriptor): void;
}

/** Context for a check of one pod template of one workload. */
export interface PodCheckContext extends CheckContext {
  workload: Workload;
  pod: PodTemplate;
}

/** Context for a check of one workload as a whole (pods or a virtual machine). */
export interface WorkloadCheckContext extends CheckContext {
  workload: Workload;
}

/** Context for a check of one docker-compose service. */
export interface ComposeCheckContext extends CheckContext {
  workload: Workload;
  service: ComposeService;
}

/** Context for a check of one Dockerfile. */
export interface DockerfileCheckContext extends CheckContext {
  dockerfile: Dockerfile;
}

/** Context for a check over everything analysed together: all files, all workloads. */
export interface SetCheckContext extends CheckContext {
  workloads: readonly Workload[];
  objects: readonly KubeObject[];
}

/**
 * A rule: its metadata and one or more checks. Checks of single pods and workloads run per
 * document and are cached with it; set checks run over the whole analysed set every time.
 */
export interface Rule {
  meta: RuleMeta;
  checkPod?(context: PodCheckContext): void;
  checkWorkload?(context: WorkloadCheckContext): void;
  checkSet?(context: SetCheckContext): void;
  checkCompose?(context: ComposeCheckContext): void;
  checkDockerfile?(context: DockerfileCheckContext): void;
}

/**
 * The check of another format for a rule of the same meaning, e.g. `privileged` in compose
 * files; the registry merges it onto the rule with its id. Its messages join the rule's.
 */
export interface RuleExtension {
  id: string;
  messages: Record<string, string>;
  checkCompose?(context: ComposeCheckContext): void;
  checkDockerfile?(context: DockerfileCheckContext): void;
}

/** The URL-less path of a rule's documentation page, relative to the repository root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** Fills a message template's `{{name}}` placeholders. */
export function formatMessage(
  template: string,
  data: Record<string, string | number> = {},
): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    name in data ? String(data[name]) : match,
  );
}
