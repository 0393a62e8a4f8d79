import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isAlias, isCollection, isPair, isScalar, type Node } from 'yaml';
import { generateManifest } from '../../../bench/corpus.js';
import { parseChunk, parseChunks, type ParsedDocument } from '../../../src/core/read/parse-yaml.js';
import { splitDocuments } from '../../../src/core/read/split-documents.js';

/** Everything a reader of a parsed document sees: ranges, tags, values, problems. */
function describeDocument(parsed: ParsedDocument): unknown {
  const contents = parsed.document.contents as Node | null;
  return {
    chunk: parsed.chunk,
    range: parsed.document.range,
    problems: parsed.problems,
    root: parsed.root ? { span: parsed.root.span, path: parsed.root.path } : undefined,
    contents: contents ? describeNode(contents) : null,
  };
}

function describeNode(node: Node): unknown {
  const own = { type: node.constructor.name, range: node.range, tag: node.tag };
  // A merge key's value is a new symbol in every parse.
  if (isScalar(node)) {
    return { ...own, value: typeof node.value === 'symbol' ? String(node.value) : node.value };
  }
  if (isAlias(node)) return { ...own, source: node.source };
  if (!isCollection(node)) return own;
  const items = node.items.map((item) =>
    isPair(item)
      ? {
          key: describeNode(item.key as Node),
          value: item.value && describeNode(item.value as Node),
        }
      : describeNode(item as Node),
  );
  return { ...own, items };
}

function assertSameAsAlone(text: string): ParsedDocument[] {
  const chunks = splitDocuments(text);
  const streamed = parseChunks(text, chunks);
  const alone = chunks.map(parseChunk);
  assert.deepEqual(streamed.map(describeDocument), alone.map(describeDocument));
  return streamed;
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

describe('parseChunks', () => {
  it('gives every fixture and realistic manifest the documents parseChunk gives', () => {
    const paths = [...yamlFiles('test/fixtures'), ...yamlFiles('bench/manifests')];
    assert.ok(paths.length > 20);
    for (const path of paths) assertSameAsAlone(readFileSync(path, 'utf8'));
  });

  it('gives a generated manifest of many kinds the documents parseChunk gives', () => {
    assertSameAsAlone(generateManifest(3, 200));
  });

  it('handles comments before the first marker, end markers, empty documents and CRLF', () => {
    assertSameAsAlone('# lead\n\n---\na: 1\n# trailing\n---\nb: [1, 2]\n...\n# after\n---\n');
    assertSameAsAlone('---\r\nkind: Pod\r\nspec:\r\n  x: &a {y: 1}\r\n  z: *a\r\n---\r\n');
    assertSameAsAlone('a: 1\n---\n---\n\n---\nb: !!set {x, y}\nc: !!omap [{p: 1}]\n');
  });

  it('parses documents with problems alone, so their messages stay the same', () => {
    const documents = assertSameAsAlone(
      'a: 1\n---\nb: [1, 2\nc: 3\n---\nd: {e: 1\n---\nf: 1\nf: 2\n',
    );
    assert.ok(documents.some((document) => document.problems.length > 0));
  });

  it('falls back to one parse per chunk where the stream divides otherwise', () => {
    assertSameAsAlone('a: 1\n...\nb: 2\n---\nc: 3\n');
    assertSameAsAlone('%YAML 1.1\n---\na: yes\n---\nb: on\n');
    assertSameAsAlone('a: |\n  text\n---\nb: 2\n');
  });
});
