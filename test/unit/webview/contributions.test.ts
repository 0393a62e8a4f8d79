import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PANEL_VIEW_TYPE } from '../../../src/extension/panel/page.js';
import { LAYERS_VIEW_ID } from '../../../src/extension/tree/tree-model.js';

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; icon?: string }[];
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    menus: { 'view/title': { command: string; when: string; group: string }[] };
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const { contributes } = manifest;
const declared = new Set(contributes.commands.map((command) => command.command));

describe('the panel and side view contributions', () => {
  it('restores the panel after a reload', () => {
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${PANEL_VIEW_TYPE}`));
  });

  it('puts the side view in a Layerwise activity bar container with an SVG icon', () => {
    const [container] = contributes.viewsContainers.activitybar;
    assert.equal(container?.title, 'Layerwise');
    assert.deepEqual(
      contributes.views[container?.id ?? '']?.map((view) => view.id),
      [LAYERS_VIEW_ID],
    );
    assert.match(container?.icon ?? '', /^media\/.+\.svg$/);
    assert.match(readFileSync(container?.icon ?? '', 'utf8'), /^<svg [^>]*viewBox="0 0 24 24"/);
  });

  it('welcomes an empty workspace with a working scan link', () => {
    const welcome = contributes.viewsWelcome.find((entry) => entry.view === LAYERS_VIEW_ID);
    const links = [...(welcome?.contents.matchAll(/\(command:([\w.]+)\)/g) ?? [])];
    assert.deepEqual(
      links.map((link) => link[1]),
      ['layerwise.scanWorkspace'],
    );
    for (const link of links) assert.ok(declared.has(link[1] ?? ''), link[1]);
  });

  it('offers refresh, open panel and scan on the toolbar, each with an icon', () => {
    const toolbar = contributes.menus['view/title'].filter(
      (item) => item.when === `view == ${LAYERS_VIEW_ID}` && item.group.startsWith('navigation'),
    );
    assert.deepEqual(
      toolbar.map((item) => item.command),
      ['layerwise.refresh', 'layerwise.openPanel', 'layerwise.scanWorkspace'],
    );
    for (const item of toolbar) {
      const command = contributes.commands.find((candidate) => candidate.command === item.command);
      assert.match(command?.icon ?? '', /^\$\([a-z-]+\)$/, item.command);
    }
  });
});
