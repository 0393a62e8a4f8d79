import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifyEdits } from '../../../src/core/edit/verify-edits.js';
import {
  appendItem,
  insertEntry,
  removeEntry,
  removeItem,
  replaceValue,
  setIn,
} from '../../../src/core/edit/yaml-edits.js';
import { parseChunk } from '../../../src/core/read/parse-yaml.js';
import type { Field } from '../../../src/core/read/yaml-field.js';
import type { TextEdit } from '../../../src/core/report/types.js';

function rootOf(text: string): Field {
  const root = parseChunk({ text, offset: 0, index: 0 }).root;
  assert.ok(root);
  return root;
}

/** Applies the edit made from the parsed text, checks it re-parses, returns the result. */
function edited(text: string, make: (root: Field) => TextEdit | undefined): string {
  const edit = make(rootOf(text));
  assert.ok(edit, 'an edit');
  const result = verifyEdits(text, [edit]);
  assert.deepEqual(result.errors, []);
  return result.text;
}

const container = `spec:
  containers:
    - name: app # the web server
      image: nginx
      securityContext:
        runAsUser: 1000 # keep
`;

const app = (root: Field) => root.at('spec', 'containers')?.items()[0];

describe('replaceValue', () => {
  it('keeps the comment after the value', () => {
    const text = 'privileged: true # legacy\n';
    assert.equal(
      edited(text, (root) => replaceValue(root.get('privileged')!, false)),
      'privileged: false # legacy\n',
    );
  });

  it('quotes strings YAML would read otherwise', () => {
    const text = 'a: x\n';
    assert.equal(
      edited(text, (root) => replaceValue(root.get('a')!, 'yes')),
      'a: "yes"\n',
    );
  });
});

describe('setIn', () => {
  it('adds a key at the end of a block map, after trailing comments on the value line', () => {
    assert.equal(
      edited(container, (root) =>
        setIn(app(root)!, ['securityContext', 'allowPrivilegeEscalation'], false),
      ),
      `spec:
  containers:
    - name: app # the web server
      image: nginx
      securityContext:
        runAsUser: 1000 # keep
        allowPrivilegeEscalation: false
`,
    );
  });

  it('creates missing intermediate maps in block style', () => {
    assert.equal(
      edited(container, (root) =>
        setIn(app(root)!, ['securityContext', 'capabilities', 'drop'], ['ALL']),
      ),
      `spec:
  containers:
    - name: app # the web server
      image: nginx
      securityContext:
        runAsUser: 1000 # keep
        capabilities:
          drop:
            - ALL
`,
    );
  });

  it('creates a securityContext in a container that has none', () => {
    const text = 'spec:\n  containers:\n  - name: app\n    image: nginx\n';
    assert.equal(
      edited(text, (root) =>
        setIn(app(root)!, ['securityContext', 'seccompProfile'], { type: 'RuntimeDefault' }),
      ),
      'spec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n' +
        '      seccompProfile:\n        type: RuntimeDefault\n',
    );
  });

  it('writes into a flow map in flow style', () => {
    const text = 'spec:\n  containers:\n    - {name: app, securityContext: {runAsUser: 1}}\n';
    assert.equal(
      edited(text, (root) =>
        setIn(app(root)!, ['securityContext', 'capabilities'], { drop: ['ALL'] }),
      ),
      'spec:\n  containers:\n' +
        '    - {name: app, securityContext: {runAsUser: 1, capabilities: {drop: [ALL]}}}\n',
    );
  });

  it('fills an empty flow map', () => {
    const text = 'securityContext: {}\n';
    assert.equal(
      edited(text, (root) => setIn(root, ['securityContext', 'runAsNonRoot'], true)),
      'securityContext: {runAsNonRoot: true}\n',
    );
  });

  it('fills a key with no value', () => {
    const text = 'c:\n  securityContext: # later\n  image: x\n';
    assert.equal(
      edited(text, (root) => setIn(root.get('c')!, ['securityContext', 'runAsNonRoot'], true)),
      'c:\n  securityContext: # later\n    runAsNonRoot: true\n  image: x\n',
    );
  });

  it('keeps CRLF line endings', () => {
    const text = 'a:\r\n  b: 1\r\n';
    assert.equal(
      edited(text, (root) => setIn(root, ['a', 'c'], 'RuntimeDefault')),
      'a:\r\n  b: 1\r\n  c: RuntimeDefault\r\n',
    );
  });

  it('adds at the end of a text with no final newline', () => {
    assert.equal(
      edited('a:\n  b: 1', (root) => setIn(root, ['a', 'c'], 2)),
      'a:\n  b: 1\n  c: 2',
    );
  });

  it('follows the indentation step of the document', () => {
    const text = 'a:\n    b:\n        c: 1\n';
    assert.equal(
      edited(text, (root) => setIn(root, ['a', 'd', 'e'], 1)),
      'a:\n    b:\n        c: 1\n    d:\n        e: 1\n',
    );
  });

  it('replaces an existing scalar at the end of the path', () => {
    assert.equal(
      edited('a: {b: true}\n', (root) => setIn(root, ['a', 'b'], false)),
      'a: {b: false}\n',
    );
  });

  it('refuses to write through a value that is not a map', () => {
    assert.equal(setIn(rootOf('a: [1]\n'), ['a', 'b'], 1), undefined);
  });
});

describe('insertEntry', () => {
  it('adds after a nested block value, before a comment that belongs to what follows', () => {
    const text = 'a:\n  b:\n    c: 1\n# about d\nd: 2\n';
    assert.equal(
      edited(text, (root) => insertEntry(root.get('a')!, 'e', 3)),
      'a:\n  b:\n    c: 1\n  e: 3\n# about d\nd: 2\n',
    );
  });
});

describe('appendItem', () => {
  it('appends to a block sequence at its dash column', () => {
    const text = 'drop:\n  - NET_RAW # gone\nx: 1\n';
    assert.equal(
      edited(text, (root) => appendItem(root.get('drop')!, 'ALL')),
      'drop:\n  - NET_RAW # gone\n  - ALL\nx: 1\n',
    );
  });

  it('appends to flow sequences, empty or not', () => {
    assert.equal(
      edited('d: [A]\n', (root) => appendItem(root.get('d')!, 'ALL')),
      'd: [A, ALL]\n',
    );
    assert.equal(
      edited('d: []\n', (root) => appendItem(root.get('d')!, 'ALL')),
      'd: [ALL]\n',
    );
  });
});

describe('removeEntry', () => {
  it('removes a block entry with its line and keeps the comments around it', () => {
    const text = 'p:\n  # probe\n  host: 10.0.0.1 # node\n  port: 80\n';
    assert.equal(
      edited(text, (root) => removeEntry(root.get('p')!, 'host')),
      'p:\n  # probe\n  port: 80\n',
    );
  });

  it('removes the last block entry of a text without a final newline', () => {
    assert.equal(
      edited('p:\n  port: 80\n  host: x', (root) => removeEntry(root.get('p')!, 'host')),
      'p:\n  port: 80',
    );
  });

  it('removes a first key that shares its line with a dash', () => {
    const text = 'l:\n  - host: x\n    port: 80\n';
    assert.equal(
      edited(text, (root) => removeEntry(root.get('l')!.items()[0]!, 'host')),
      'l:\n  - port: 80\n',
    );
  });

  it('removes flow entries with their separator', () => {
    const text = 'a: {x: 1, y: 2, z: 3}\n';
    assert.equal(
      edited(text, (root) => removeEntry(root.get('a')!, 'x')),
      'a: {y: 2, z: 3}\n',
    );
    assert.equal(
      edited(text, (root) => removeEntry(root.get('a')!, 'z')),
      'a: {x: 1, y: 2}\n',
    );
    assert.equal(
      edited('a: {x: 1}\n', (root) => removeEntry(root.get('a')!, 'x')),
      'a: {}\n',
    );
  });
});

describe('removeItem', () => {
  it('removes a block item with its line', () => {
    const text = 'add:\n  - NET_ADMIN # why\n  - CHOWN\n';
    assert.equal(
      edited(text, (root) => removeItem(root.get('add')!, 0)),
      'add:\n  - CHOWN\n',
    );
  });

  it('removes flow items with their separator', () => {
    assert.equal(
      edited('add: [A, B]\n', (root) => removeItem(root.get('add')!, 1)),
      'add: [A]\n',
    );
    assert.equal(
      edited('add: [A, B]\n', (root) => removeItem(root.get('add')!, 0)),
      'add: [B]\n',
    );
  });

  it('removes the only item of a CRLF block list', () => {
    const text = 'add:\r\n  - SYS_ADMIN\r\nx: 1\r\n';
    assert.equal(
      edited(text, (root) => removeItem(root.get('add')!, 0)),
      'add:\r\nx: 1\r\n',
    );
  });
});

describe('verifyEdits', () => {
  it('reports a result that no longer parses', () => {
    const result = verifyEdits('a: 1\n', [{ span: { start: 0, end: 0 }, newText: 'a: 2\n' }]);
    assert.notDeepEqual(result.errors, []);
  });
});
