// Serves the panel's real page and bundle from a temporary folder to headless Chromium, with a
// stand-in for VS Code's webview host: `acquireVsCodeApi`, the theme's CSS variables and body
// class. Used by page-in-browser.test.ts and by `npx tsx test/unit/webview/browser-page.ts` to
// take screenshots of the panel in each theme.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { renderPage } from '../../../src/extension/panel/page.js';
import type { PanelData } from '../../../src/protocol/panel-data.js';

export type Theme = 'light' | 'dark' | 'high-contrast';

// A few of the variables VS Code sets, with the values of its default themes.
const THEMES: Record<Theme, { bodyClass: string; variables: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    variables: {
      foreground: '#3b3b3b',
      'editor-background': '#ffffff',
      'sideBar-background': '#f8f8f8',
      'editorWidget-background': '#ffffff',
      'panel-border': '#e5e5e5',
      descriptionForeground: '#717171',
      'badge-background': '#cccccc',
      'badge-foreground': '#3b3b3b',
      'button-background': '#005fb8',
      'button-foreground': '#ffffff',
      'button-secondaryBackground': '#e5e5e5',
      'button-secondaryForeground': '#3b3b3b',
      'input-background': '#ffffff',
      'input-foreground': '#3b3b3b',
      'input-border': '#cecece',
      focusBorder: '#005fb8',
      'editorError-foreground': '#e51400',
      'editorWarning-foreground': '#bf8803',
      'editorInfo-foreground': '#1a85ff',
      'testing-iconPassed': '#388a34',
      'textLink-foreground': '#005fb8',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    variables: {
      foreground: '#cccccc',
      'editor-background': '#1f1f1f',
      'sideBar-background': '#181818',
      'editorWidget-background': '#202020',
      'panel-border': '#2b2b2b',
      descriptionForeground: '#9d9d9d',
      'badge-background': '#616161',
      'badge-foreground': '#f8f8f8',
      'button-background': '#0078d4',
      'button-foreground': '#ffffff',
      'button-secondaryBackground': '#313131',
      'button-secondaryForeground': '#cccccc',
      'input-background': '#313131',
      'input-foreground': '#cccccc',
      'input-border': '#3c3c3c',
      focusBorder: '#0078d4',
      'editorError-foreground': '#f14c4c',
      'editorWarning-foreground': '#cca700',
      'editorInfo-foreground': '#3794ff',
      'testing-iconPassed': '#73c991',
      'textLink-foreground': '#4daafc',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    variables: {
      foreground: '#ffffff',
      'editor-background': '#000000',
      'sideBar-background': '#000000',
      'editorWidget-background': '#0c141f',
      'panel-border': '#6fc3df',
      contrastBorder: '#6fc3df',
      contrastActiveBorder: '#f38518',
      descriptionForeground: '#ffffff',
      'badge-background': '#000000',
      'badge-foreground': '#ffffff',
      'button-background': '#000000',
      'button-foreground': '#ffffff',
      'button-border': '#6fc3df',
      'input-background': '#000000',
      'input-foreground': '#ffffff',
      'input-border': '#6fc3df',
      focusBorder: '#f38518',
      'editorError-foreground': '#f48771',
      'editorWarning-foreground': '#ffd370',
      'editorInfo-foreground': '#3794ff',
      'testing-iconPassed': '#73c991',
      'textLink-foreground': '#21a6ff',
    },
  },
};

/** Builds the panel's bundle and style sheet into a fresh folder; returns the folder. */
export async function buildPanelBundle(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'layerwise-panel-'));
  await build({
    entryPoints: ['src/webview/main.ts'],
    outfile: join(folder, 'panel.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  await build({
    entryPoints: ['src/webview/panel.css'],
    outfile: join(folder, 'panel.css'),
    bundle: true,
    logLevel: 'warning',
  });
  return folder;
}

/**
 * Writes a page in `folder` as VS Code would serve it, under the real CSP, plus the host's
 * stand-in; returns its file URL. The stand-in answers `ready` with `data` and keeps every
 * message and state the page sends in `window.sent` and `window.savedState`.
 */
export function writePanelPage(
  folder: string,
  data: PanelData,
  theme: Theme,
  savedState: unknown = undefined,
): string {
  const { bodyClass, variables } = THEMES[theme];
  const declarations = Object.entries(variables)
    .map(([name, value]) => `  --vscode-${name}: ${value};`)
    .join('\n');
  writeFileSync(join(folder, `theme-${theme}.css`), `:root {\n${declarations}\n}\n`);
  const host = `
window.sent = [];
window.savedState = ${JSON.stringify(savedState ?? null)};
document.body.className = ${JSON.stringify(bodyClass)};
window.acquireVsCodeApi = () => ({
  getState: () => window.savedState,
  setState: (state) => { window.savedState = state; },
  postMessage: (message) => {
    window.sent.push(message);
    if (message.type === 'ready') {
      setTimeout(() => window.postMessage({ type: 'update', data: ${JSON.stringify(data)} }), 0);
    }
  },
});`;
  writeFileSync(join(folder, `host-${theme}.js`), host);

  const base = pathToFileURL(folder).href;
  const page = renderPage({
    cspSource: 'file:',
    nonce: 'test-nonce',
    scriptUri: `${base}/panel.js`,
    styleUri: `${base}/panel.css`,
  })
    .replace('</head>', `<link rel="stylesheet" href="${base}/theme-${theme}.css">\n</head>`)
    .replace(
      '<script nonce',
      `<script nonce="test-nonce" src="${base}/host-${theme}.js"></script>\n<script nonce`,
    );
  const file = join(folder, `panel-${theme}.html`);
  writeFileSync(file, page);
  return pathToFileURL(file).href;
}
