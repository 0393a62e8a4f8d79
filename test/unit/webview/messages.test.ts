import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePanelMessage, parseViewOptions } from '../../../src/protocol/messages.js';

const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } };
const options = { scope: 'file', groupBy: 'role', filter: 'gpu' };

describe('parsePanelMessage', () => {
  it('accepts the declared messages', () => {
    assert.deepEqual(parsePanelMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePanelMessage({ type: 'reveal', path: 'file:///a.yaml', range }), {
      type: 'reveal',
      path: 'file:///a.yaml',
      range,
    });
    assert.deepEqual(parsePanelMessage({ type: 'applyFix', key: 'k' }), {
      type: 'applyFix',
      key: 'k',
    });
    assert.deepEqual(parsePanelMessage({ type: 'export', format: 'svg', options }), {
      type: 'export',
      format: 'svg',
      options,
    });
  });

  it('drops extra fields', () => {
    assert.deepEqual(parsePanelMessage({ type: 'ready', command: 'rm -rf' }), { type: 'ready' });
  });

  it('refuses anything else', () => {
    const bad = [
      null,
      'ready',
      { type: 'runCommand', command: 'x' },
      { type: 'reveal', path: 1, range },
      { type: 'reveal', path: 'a', range: { start: { line: 1.5, character: 0 }, end: range.end } },
      { type: 'applyFix' },
      { type: 'export', format: 'pdf', options },
      { type: 'export', format: 'html', options: { ...options, scope: 'everything' } },
    ];
    for (const value of bad)
      assert.equal(parsePanelMessage(value), undefined, JSON.stringify(value));
  });
});

describe('parseViewOptions', () => {
  it('reads saved options and refuses broken ones', () => {
    assert.deepEqual(parseViewOptions(options), options);
    assert.equal(parseViewOptions({ ...options, filter: 3 }), undefined);
    assert.equal(parseViewOptions(undefined), undefined);
  });
});
