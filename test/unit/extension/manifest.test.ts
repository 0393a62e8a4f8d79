import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { COMMAND_CATEGORY, COMMANDS } from '../../../src/extension/command-table.js';
import {
  DEFAULT_RESOURCE_SETTINGS,
  DEFAULT_WINDOW_SETTINGS,
} from '../../../src/extension/settings-model.js';

interface Property {
  default: unknown;
  scope?: string;
  description?: string;
  markdownDescription?: string;
}

interface Manifest {
  main: string;
  browser: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: {
      properties: Record<string, Property>;
    };
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

describe('package.json', () => {
  it('declares exactly the commands of the command table', () => {
    const declared = manifest.contributes.commands.map(({ command, title, category }) => ({
      command,
      title,
      category,
    }));
    const table = COMMANDS.map(({ id, title }) => ({
      command: id,
      title,
      category: COMMAND_CATEGORY,
    }));
    assert.deepEqual(declared, table);
  });

  it('names commands layerwise.<camelCaseVerb> with Title Case titles', () => {
    for (const { id, title } of COMMANDS) {
      assert.match(id, /^layerwise\.[a-z][a-zA-Z]+$/);
      for (const word of title.split(' ')) assert.match(word, /^[A-Z]/, `${id}: ${title}`);
    }
  });

  it('gives every setting a scope and a description', () => {
    for (const [key, property] of Object.entries(properties)) {
      assert.match(key, /^layerwise\.[a-z][\w.]*$/);
      assert.ok(property.scope, `${key} has no scope`);
      assert.ok(property.description ?? property.markdownDescription, `${key}: no description`);
    }
  });

  it('declares the defaults the settings reader falls back to', () => {
    const defaults: Record<string, unknown> = {
      'layerwise.profile': DEFAULT_RESOURCE_SETTINGS.profile,
      'layerwise.pssVersion': DEFAULT_RESOURCE_SETTINGS.pssVersion,
      'layerwise.layering.fixes.runtimeClassName': DEFAULT_RESOURCE_SETTINGS.fixRuntimeClassName,
      'layerwise.include': DEFAULT_RESOURCE_SETTINGS.include,
      'layerwise.exclude': DEFAULT_RESOURCE_SETTINGS.exclude,
      'layerwise.maxFileSize': DEFAULT_RESOURCE_SETTINGS.maxFileSize,
      'layerwise.scanOnStartup': DEFAULT_WINDOW_SETTINGS.scanOnStartup,
      'layerwise.debounceMs': DEFAULT_WINDOW_SETTINGS.debounceMs,
    };
    for (const [key, value] of Object.entries(defaults)) {
      assert.deepEqual(properties[key]?.default, value, key);
    }
  });

  it('runs in the browser and in untrusted and virtual workspaces', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it('activates only for the languages and files Layerwise reads, and to restore its panel', () => {
    for (const event of manifest.activationEvents) {
      if (event === 'onWebviewPanel:layerwise.panel') continue;
      assert.match(event, /^(onLanguage:(yaml|dockerfile|dockercompose|helm)|workspaceContains:)/);
    }
  });
});
