import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyMoved } from '../../../src/core/read/copy-moved.js';
import { parseChunk } from '../../../src/core/read/parse-yaml.js';

describe('copyMoved', () => {
  it('shifts spans and fields and keeps everything else', () => {
    const root = parseChunk({ text: 'a: 1\nb: 2\n', offset: 10, index: 0 }).root;
    const field = root?.get('b');
    assert.ok(field);
    const span = { start: 3, end: 5 };
    const facts = { level: 'baseline', clues: [{ path: 'p', span, reason: 'r' }], span, field };

    const moved = copyMoved(facts, 7);
    assert.ok(moved);
    assert.deepEqual(moved.clues, [{ path: 'p', span: { start: 10, end: 12 }, reason: 'r' }]);
    assert.equal(moved.clues[0]?.span, moved.span, 'a shared span stays shared');
    assert.deepEqual(moved.field.span, { start: 25, end: 26 });
    assert.deepEqual(field.span, { start: 18, end: 19 }, 'the original is unchanged');
    assert.deepEqual(facts.span, { start: 3, end: 5 });
  });

  it('declines values it cannot copy', () => {
    assert.equal(copyMoved({ names: new Set(['a']) }, 1), undefined);
    assert.equal(copyMoved({ check: () => true }, 1), undefined);
  });
});
