import { parseDocument } from 'yaml';
import type { AnalyzeOptions } from '../analyze.js';
import { Field } from '../read/yaml-field.js';
import { compareFindings, PositionTable, toFinding } from '../report/build-report.js';
import type { Finding, PssLevel, Severity } from '../report/types.js';
import { yamlSyntax } from '../rules/general/yaml-syntax.js';
import { parsePssVersion } from '../rules/pss/version.js';
import { findRule } from '../rules/registry.js';
import { makeFinding } from '../rules/run-rules.js';
import { ConfigValues } from './config-values.js';
import { checkGlob } from './glob.js';
import { readLayeringConfig } from './layering-config.js';

/** The name of the configuration file, looked for in a file's folder and the folders above. */
export const CONFIG_FILE_NAME = '.layerwise.yaml';

/** What a configuration file says, and what is wrong with it. */
export interface Config {
  /** The analysis options it sets; settings with bad values are left out. */
  options: AnalyzeOptions;
  /** Globs of paths not to analyse, relative to the configuration file's folder. */
  ignore: string[];
  /** `config-invalid` and `yaml-syntax` findings in the configuration file. */
  findings: Finding[];
}

const TOP_LEVEL_KEYS = ['profile', 'pssVersion', 'rules', 'ignore', 'layering'] as const;
const PROFILES: readonly PssLevel[] = ['baseline', 'restricted'];
const RULE_LEVELS: readonly (Severity | 'off')[] = ['error', 'warning', 'info', 'off'];

/**
 * Reads `.layerwise.yaml`. The file is YAML 1.2, so `off` is the string it looks like. A bad
 * setting is reported at its key or value and left out; the other settings still apply.
 */
export function parseConfig(path: string, text: string): Config {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const values = new ConfigValues(path);
  const syntax = [...document.errors, ...document.warnings].map((problem) => {
    const messageId = problem.name === 'YAMLWarning' ? 'warning' : 'error';
    const [start, end] = problem.pos;
    const message = problem.message.split('\n')[0] ?? problem.message;
    const span = { start, end: Math.max(start, end) };
    return makeFinding(yamlSyntax, { messageId, data: { message }, span }, path, undefined);
  });

  const config: Config = { options: {}, ignore: [], findings: [] };
  const contents = document.contents;
  const root = contents ? new Field(contents, undefined, 0, text, []) : undefined;
  if (root && root.value !== null) readSettings(root, values, config);

  const positions = new PositionTable(() => text);
  config.findings = [...syntax, ...values.findings]
    .map((finding) => toFinding(finding, positions))
    .sort(compareFindings);
  return config;
}

function readSettings(root: Field, values: ConfigValues, config: Config): void {
  if (!root.isMap) {
    values.report(root, 'notMap');
    return;
  }
  const options = config.options;
  for (const [key, field] of values.entries(root, 'configuration', TOP_LEVEL_KEYS)) {
    if (key === 'profile') {
      const profile = values.oneOf(field, key, PROFILES);
      if (profile) options.profile = profile;
    } else if (key === 'pssVersion') {
      const version = field.string();
      if (version !== undefined && parsePssVersion(version)) options.pssVersion = version.trim();
      else values.report(field, 'pssVersion');
    } else if (key === 'rules') {
      options.rules = readRuleLevels(field, values);
    } else if (key === 'ignore') {
      config.ignore = readIgnore(field, values);
    } else if (key === 'layering') {
      options.layering = readLayeringConfig(field, values);
    }
  }
}

function readRuleLevels(field: Field, values: ConfigValues): Record<string, Severity | 'off'> {
  const levels: Record<string, Severity | 'off'> = {};
  if (!field.isMap) {
    values.report(field, 'wrongType', { key: 'rules', expected: 'a mapping of rule ids' });
    return levels;
  }
  for (const [id, value] of field.entries()) {
    if (!findRule(id)) {
      values.report(value, 'unknownRule', { rule: id }, true);
      continue;
    }
    const level = values.oneOf(value, `rules.${id}`, RULE_LEVELS);
    if (level) levels[id] = level;
  }
  return levels;
}

function readIgnore(field: Field, values: ConfigValues): string[] {
  const globs = values.stringList(field, 'ignore') ?? [];
  const items = field.items();
  return globs.filter((glob) => {
    const problem = checkGlob(glob);
    const item = items.find((candidate) => candidate.string() === glob);
    if (problem && item) values.report(item, 'badGlob', { glob, problem });
    return problem === undefined;
  });
}
