export { analyze, Analyzer } from './analyze.js';
export type { AnalyzeOptions, Report, SourceFile, WorkloadSummary } from './analyze.js';
export { RULES, findRule } from './rules/registry.js';
export { ruleDocPath } from './rules/rule.js';
export type { Rule, RuleMeta } from './rules/rule.js';
export type { Finding, Position, Range, Severity, PssLevel } from './report/types.js';
export { CONFIG_FILE_NAME, parseConfig } from './config/parse-config.js';
export type { Config } from './config/parse-config.js';
export { Glob } from './config/glob.js';
