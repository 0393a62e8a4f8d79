// Pure: builds the panel's HTML shell. No `vscode` import, so unit tests can check the CSP.
import { escapeMarkup } from './escape.js';

/** The webview type the panel is registered and restored under (`onWebviewPanel:` activates). */
export const PANEL_VIEW_TYPE = 'layerwise.panel';

/** Where the page's two local resources are, as webview URIs, and what the CSP allows. */
export interface PageResources {
  /** `webview.cspSource`: the origin local resources are served from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** A fresh nonce per render; see `createNonce`. */
  nonce: string;
}

/**
 * The panel's Content Security Policy: nothing by default, styles and images only from the
 * extension's own resources, and the one script that carries this render's nonce.
 */
export function buildContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/** 16 random bytes from the platform's cryptographic generator, base64-encoded. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The page: the policy, the style sheet, an empty root, and the script that fills it. */
export function renderPage(resources: PageResources): string {
  const policy = buildContentSecurityPolicy(resources.cspSource, resources.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeMarkup(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeMarkup(resources.styleUri)}">
<title>Layerwise: Layering</title>
</head>
<body>
<main id="root" aria-busy="true"><p class="empty">Loading the layering picture…</p></main>
<script nonce="${escapeMarkup(resources.nonce)}" src="${escapeMarkup(resources.scriptUri)}">
</script>
</body>
</html>
`;
}
