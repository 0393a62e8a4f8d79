import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChunk } from '../../../src/core/read/parse-yaml.js';

const TEXT = 'spec:\n  containers:\n    - name: app\n      ports: [80, 443]\n';

describe('Field', () => {
  it('knows the path of keys and indexes from the root, however it was reached', () => {
    const root = parseChunk({ text: TEXT, offset: 0, index: 0 }).root;
    assert.ok(root);
    const container = root.at('spec', 'containers')?.items()[0];
    assert.deepEqual(root.path, []);
    assert.deepEqual(container?.path, ['spec', 'containers', 0]);
    assert.deepEqual(container?.get('ports')?.items()[1]?.path, [
      'spec',
      'containers',
      0,
      'ports',
      1,
    ]);
    const [name] = container?.entries() ?? [];
    assert.deepEqual(name?.[1].path, ['spec', 'containers', 0, 'name']);
  });

  it('keeps its node and path when moved, and shifts its spans', () => {
    const root = parseChunk({ text: TEXT, offset: 5, index: 0 }).root;
    const ports = root?.at('spec', 'containers')?.items()[0]?.get('ports');
    assert.ok(ports);
    const moved = ports.movedBy(-5);
    assert.equal(moved.node, ports.node);
    assert.deepEqual(moved.path, ['spec', 'containers', 0, 'ports']);
    assert.deepEqual(moved.span, { start: ports.span.start - 5, end: ports.span.end - 5 });
    assert.equal(TEXT.slice(moved.span.start, moved.span.end), '[80, 443]');
  });
});
