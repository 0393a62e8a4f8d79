import { ROLES, type LayeringOptions, type Role, type RoleMapping } from '../layering/options.js';
import type { Field } from '../read/yaml-field.js';
import type { ConfigValues } from './config-values.js';

const LAYERING_KEYS = ['sandboxRuntimeClasses', 'poolLabelKeys', 'roles', 'fixes'] as const;
const ROLE_MAPPING_KEYS = ['roles', 'namespaces', 'matchLabels'] as const;
const FIXES_KEYS = ['runtimeClassName', 'nodeSelector', 'toleration'] as const;
const TOLERATION_KEYS = ['key', 'operator', 'value', 'effect'] as const;
const OPERATORS = ['Equal', 'Exists'] as const;
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** Reads the `layering` section: exactly the fields of `LayeringOptions`. */
export function readLayeringConfig(field: Field, values: ConfigValues): LayeringOptions {
  const options: LayeringOptions = {};
  for (const [key, value] of values.entries(field, 'layering', LAYERING_KEYS)) {
    if (key === 'sandboxRuntimeClasses' || key === 'poolLabelKeys') {
      const list = values.stringList(value, `layering.${key}`);
      if (list) options[key] = list;
    } else if (key === 'roles') {
      options.roles = readRoleMappings(value, values);
    } else if (key === 'fixes') {
      options.fixes = readFixes(value, values);
    }
  }
  return options;
}

function readRoleMappings(field: Field, values: ConfigValues): RoleMapping[] {
  if (!field.isSeq) {
    values.report(field, 'wrongType', { key: 'layering.roles', expected: 'a list of mappings' });
    return [];
  }
  const mappings: RoleMapping[] = [];
  for (const item of field.items()) {
    const mapping = readRoleMapping(item, values);
    if (mapping) mappings.push(mapping);
  }
  return mappings;
}

function readRoleMapping(field: Field, values: ConfigValues): RoleMapping | undefined {
  const entries = values.entries(field, 'layering.roles[]', ROLE_MAPPING_KEYS);
  if (!field.isMap) return undefined;
  const mapping: RoleMapping = { roles: [] };
  let hasRoles = false;
  for (const [key, value] of entries) {
    if (key === 'roles') {
      hasRoles = true;
      mapping.roles = readRoles(value, values);
    } else if (key === 'namespaces') {
      const namespaces = values.stringList(value, 'layering.roles[].namespaces');
      if (namespaces) mapping.namespaces = namespaces;
    } else if (key === 'matchLabels') {
      const labels = values.stringMap(value, 'layering.roles[].matchLabels');
      if (labels) mapping.matchLabels = labels;
    }
  }
  if (!hasRoles) values.report(field, 'required', { key: 'roles' });
  return mapping.roles.length > 0 ? mapping : undefined;
}

function readRoles(field: Field, values: ConfigValues): Role[] {
  if (!field.isSeq) {
    values.report(field, 'wrongType', { key: 'roles', expected: 'a list of roles' });
    return [];
  }
  const roles: Role[] = [];
  for (const item of field.items()) {
    const role = values.oneOf(item, 'roles[]', ROLES);
    if (role) roles.push(role);
  }
  return roles;
}

function readFixes(field: Field, values: ConfigValues): NonNullable<LayeringOptions['fixes']> {
  const fixes: NonNullable<LayeringOptions['fixes']> = {};
  for (const [key, value] of values.entries(field, 'layering.fixes', FIXES_KEYS)) {
    if (key === 'runtimeClassName') {
      const name = values.string(value, 'layering.fixes.runtimeClassName');
      if (name !== undefined) fixes.runtimeClassName = name;
    } else if (key === 'nodeSelector') {
      const selector = values.stringMap(value, 'layering.fixes.nodeSelector');
      if (selector) fixes.nodeSelector = selector;
    } else if (key === 'toleration') {
      const toleration = readToleration(value, values);
      if (toleration) fixes.toleration = toleration;
    }
  }
  return fixes;
}

type Toleration = NonNullable<NonNullable<LayeringOptions['fixes']>['toleration']>;

function readToleration(field: Field, values: ConfigValues): Toleration | undefined {
  const entries = values.entries(field, 'layering.fixes.toleration', TOLERATION_KEYS);
  if (!field.isMap) return undefined;
  const toleration: Partial<Toleration> = {};
  for (const [key, value] of entries) {
    const name = `toleration.${key}`;
    if (key === 'operator') toleration.operator = values.oneOf(value, name, OPERATORS);
    else if (key === 'effect') toleration.effect = values.oneOf(value, name, EFFECTS);
    else if (key === 'key' || key === 'value') toleration[key] = values.string(value, name);
  }
  if (toleration.key === undefined) {
    if (!entries.some(([key]) => key === 'key')) values.report(field, 'required', { key: 'key' });
    return undefined;
  }
  return dropUndefined(toleration) as Toleration;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
