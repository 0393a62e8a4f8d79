import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderHtmlReport } from '../../../src/extension/panel/export-html.js';
import { renderSvgReport } from '../../../src/extension/panel/export-svg.js';
import { DEFAULT_VIEW_OPTIONS } from '../../../src/protocol/view-model.js';
import { finding, keyOf, MARKUP_NAME, sampleData, workload } from './sample-data.js';

const about = { title: 'shop & <co>', generatedAt: '2026-12-03T09:00:00.000Z' };

function hostileData() {
  const data = sampleData();
  data.workloads.push(
    workload({
      id: `Deployment/default/${MARKUP_NAME}`,
      name: MARKUP_NAME,
      roles: ['<b>role</b>'],
      colocatedWith: [keyOf('Deployment/payments/api')],
    }),
  );
  data.findings.push(
    finding({
      ruleId: 'privileged',
      message: `Container "<script>alert(2)</script>" is privileged`,
      workload: `Deployment/default/${MARKUP_NAME}`,
      workloadKey: keyOf(`Deployment/default/${MARKUP_NAME}`),
      path: 'file:///work/"quoted".yaml',
      displayPath: '"quoted".yaml',
    }),
  );
  return data;
}

/** Tags and attributes that would make a browser fetch or run something. */
const ACTIVE_TAGS = [
  /^<(script|img|link|iframe|object|embed|image|use|foreignObject)\b/i,
  /\son\w+\s*=/i,
  /\b(src|href|xlink:href)\s*=/i,
  /javascript:/i,
];

/** Fails when any tag of the markup is active, or a style loads something. */
function assertInert(markup: string): void {
  for (const tag of markup.match(/<[^>]*>/g) ?? []) {
    for (const pattern of ACTIVE_TAGS) assert.doesNotMatch(tag, pattern);
  }
  assert.doesNotMatch(markup, /url\(|@import/i);
}

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(hostileData(), DEFAULT_VIEW_OPTIONS, about);

  it('shows names, messages and the title as text', () => {
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('Container &quot;&lt;script&gt;alert(2)&lt;/script&gt;&quot;'));
    assert.ok(html.includes('&lt;b&gt;role&lt;/b&gt;'));
    assert.ok(html.includes('Layering of shop &amp; &lt;co&gt;'));
    assert.ok(html.includes('&quot;quoted&quot;.yaml:2'));
    assert.ok(!html.includes(MARKUP_NAME));
  });

  it('is self-contained: no script, no external resource, a policy that forbids both', () => {
    assertInert(html);
    const policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${policy}">`));
  });

  it('draws the boxes and cards and lists every finding of the drawn workloads', () => {
    assert.match(html, /<h2>Dedicated pool cloud.google.com\/gke-nodepool=gpu/);
    assert.match(html, /<h2>Shared nodes <span class="muted">\(4\)<\/span><\/h2>/);
    assert.equal(html.match(/<li class="card/g)?.length, 5);
    assert.equal(html.match(/<tr><td class=/g)?.length, 3);
    assert.match(html, /Nodes: shared → <span class="below">dedicated<\/span>/);
  });

  it('keeps to the scope and filter it is given', () => {
    const filtered = renderHtmlReport(
      hostileData(),
      { ...DEFAULT_VIEW_OPTIONS, filter: 'gpu' },
      about,
    );
    assert.equal(filtered.match(/<li class="card/g)?.length, 1);
    assert.equal(filtered.match(/<tr><td class=/g)?.length, 1, 'only the loose finding');
  });
});

describe('renderSvgReport', () => {
  const svg = renderSvgReport(hostileData(), DEFAULT_VIEW_OPTIONS, about);

  it('shows names as text and carries no active content', () => {
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!svg.includes(MARKUP_NAME));
    assertInert(svg);
  });

  it('is one SVG document with a card per workload and a line per flagged or shared pair', () => {
    assert.match(
      svg,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    assert.equal(svg.match(/<g><title>/g)?.length, 5);
    // api–runner, and the markup-named workload with api.
    assert.equal(svg.match(/<path /g)?.length, 2);
  });

  it('nests its elements properly', () => {
    const open: string[] = [];
    for (const [tag, closing, name] of svg.matchAll(/<(\/?)([\w:]+)[^>]*>/g)) {
      if (tag.endsWith('/>')) continue;
      if (closing) assert.equal(open.pop(), name, `unexpected </${name}>`);
      else open.push(name ?? '');
    }
    assert.deepEqual(open, []);
  });
});
