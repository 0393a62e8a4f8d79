import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildContentSecurityPolicy,
  createNonce,
  renderPage,
} from '../../../src/extension/panel/page.js';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

describe('the panel page', () => {
  it('allows nothing but its own styles and images and the script with the nonce', () => {
    assert.equal(
      buildContentSecurityPolicy(CSP_SOURCE, 'abc123'),
      `default-src 'none'; style-src ${CSP_SOURCE}; script-src 'nonce-abc123'; ` +
        `img-src ${CSP_SOURCE} data:`,
    );
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
  });

  it('loads one script with the nonce and one style sheet, and no inline code', () => {
    const html = renderPage({
      cspSource: CSP_SOURCE,
      nonce: 'n0nce',
      scriptUri: `${CSP_SOURCE}/ext/dist/webview/panel.js`,
      styleUri: `${CSP_SOURCE}/ext/dist/webview/panel.css?a=1&b="2"`,
    });
    assert.ok(html.includes(`content="default-src 'none'; style-src ${CSP_SOURCE};`));
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="n0nce" src="[^"]+\/panel\.js">\s*<\/script>/);
    assert.ok(html.includes('panel.css?a=1&amp;b=&quot;2&quot;'));
    assert.doesNotMatch(html, /style=|<style|\son\w+=/);
  });
});
