import type { AnalyzeOptions } from '../core/analyze.js';
import type { LayeringOptions } from '../core/layering/options.js';
import type { PssLevel, Severity } from '../core/report/types.js';

/** A rule's severity as the user sets it, or `off`. */
export type RuleSetting = Severity | 'off';

/** The toleration a layering fix inserts. */
export interface TolerationSetting {
  key: string;
  operator?: 'Equal' | 'Exists';
  value?: string;
  effect?: string;
}

/** The `layerwise.*` settings of one resource, as plain data with defaults filled in. */
export interface ResourceSettings {
  profile: PssLevel;
  pssVersion: string;
  rules: Record<string, RuleSetting>;
  sandboxRuntimeClasses: string[];
  poolLabelKeys: string[];
  fixRuntimeClassName: string;
  fixNodeSelector: Record<string, string>;
  fixToleration: TolerationSetting | null;
  include: string[];
  exclude: string[];
  maxFileSize: number;
}

/** Settings that hold for the whole window. */
export interface WindowSettings {
  scanOnStartup: boolean;
  debounceMs: number;
}

/** Reads one setting; returns undefined when it is missing. */
export type SettingReader = (key: string) => unknown;

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];

/** The defaults package.json declares; used when a value is missing or of the wrong type. */
export const DEFAULT_RESOURCE_SETTINGS: ResourceSettings = {
  profile: 'restricted',
  pssVersion: 'latest',
  rules: {},
  sandboxRuntimeClasses: [],
  poolLabelKeys: [],
  fixRuntimeClassName: 'gvisor',
  fixNodeSelector: {},
  fixToleration: null,
  include: ['**/*.{yaml,yml}', '**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  maxFileSize: 1048576,
};

export const DEFAULT_WINDOW_SETTINGS: WindowSettings = { scanOnStartup: false, debounceMs: 250 };

/**
 * Reads the resource settings through `read`, keeping defaults for values of the wrong type:
 * a hand-edited settings.json must never stop the analysis.
 */
export function readResourceSettings(read: SettingReader): ResourceSettings {
  const defaults = DEFAULT_RESOURCE_SETTINGS;
  const profile = read('profile');
  return {
    profile: profile === 'baseline' || profile === 'restricted' ? profile : defaults.profile,
    pssVersion: readString(read('pssVersion'), defaults.pssVersion),
    rules: readRules(read('rules')),
    sandboxRuntimeClasses: readStrings(read('layering.sandboxRuntimeClasses'), []),
    poolLabelKeys: readStrings(read('layering.poolLabelKeys'), []),
    fixRuntimeClassName: readString(
      read('layering.fixes.runtimeClassName'),
      defaults.fixRuntimeClassName,
    ),
    fixNodeSelector: readStringRecord(read('layering.fixes.nodeSelector')),
    fixToleration: readToleration(read('layering.fixes.toleration')),
    include: readStrings(read('include'), defaults.include),
    exclude: readStrings(read('exclude'), defaults.exclude),
    maxFileSize: readPositive(read('maxFileSize'), defaults.maxFileSize),
  };
}

export function readWindowSettings(read: SettingReader): WindowSettings {
  const scan = read('scanOnStartup');
  return {
    scanOnStartup: typeof scan === 'boolean' ? scan : DEFAULT_WINDOW_SETTINGS.scanOnStartup,
    debounceMs: readPositive(read('debounceMs'), DEFAULT_WINDOW_SETTINGS.debounceMs, true),
  };
}

/**
 * The analysis options of one file: the editor settings, overridden value by value by the
 * nearest `.layerwise.yaml` (`config`), which the CLI reads too and so is the team's shared
 * choice. Rule severities merge per rule id; lists and the fix values are replaced as a whole.
 */
export function mergeOptions(
  settings: ResourceSettings,
  config: AnalyzeOptions | undefined,
): AnalyzeOptions {
  const layering: LayeringOptions = {};
  if (settings.sandboxRuntimeClasses.length > 0) {
    layering.sandboxRuntimeClasses = settings.sandboxRuntimeClasses;
  }
  if (settings.poolLabelKeys.length > 0) layering.poolLabelKeys = settings.poolLabelKeys;
  layering.fixes = { runtimeClassName: settings.fixRuntimeClassName };
  if (Object.keys(settings.fixNodeSelector).length > 0) {
    layering.fixes.nodeSelector = settings.fixNodeSelector;
  }
  if (settings.fixToleration) layering.fixes.toleration = settings.fixToleration;

  const fromConfig = config?.layering ?? {};
  return {
    profile: config?.profile ?? settings.profile,
    pssVersion: config?.pssVersion ?? settings.pssVersion,
    rules: { ...settings.rules, ...config?.rules },
    layering: {
      ...layering,
      ...fromConfig,
      fixes: { ...layering.fixes, ...fromConfig.fixes },
    },
  };
}

function readString(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

function readStrings(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  return value.filter((item): item is string => typeof item === 'string' && item !== '');
}

function readPositive(value: unknown, fallback: number, allowZero = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  if (value < 0 || (value === 0 && !allowZero)) return fallback;
  return value;
}

function readRules(value: unknown): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (!isRecord(value)) return rules;
  for (const [id, severity] of Object.entries(value)) {
    if (typeof severity === 'string' && SEVERITIES.includes(severity)) {
      rules[id] = severity as RuleSetting;
    }
  }
  return rules;
}

function readStringRecord(value: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!isRecord(value)) return record;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') record[key] = item;
  }
  return record;
}

function readToleration(value: unknown): TolerationSetting | null {
  if (!isRecord(value) || typeof value.key !== 'string' || value.key === '') return null;
  const toleration: TolerationSetting = { key: value.key };
  if (value.operator === 'Equal' || value.operator === 'Exists') {
    toleration.operator = value.operator;
  }
  if (typeof value.value === 'string') toleration.value = value.value;
  if (typeof value.effect === 'string') toleration.effect = value.effect;
  return toleration;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
