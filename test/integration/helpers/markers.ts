// Marker lines the suite writes to the extension host's console; the browser runner
// (scripts/vscode/run-tests.mjs) reads them from the relayed output.

/** Prefixes the suite's closing counts: `<marker> N passed, N failed[, N skipped]`. */
export const SUMMARY_MARKER = '[layerwise:summary]';

/** Prefixes a JSON request for the browser runner: a screenshot or a look at a webview's DOM. */
export const BROWSER_REQUEST_MARKER = '[layerwise:browser]';
