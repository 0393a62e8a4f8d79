import type { Range } from '../core/report/types.js';
import { isObject, isRange } from './guards.js';
import type { PanelData } from './panel-data.js';
import type { ViewOptions } from './view-model.js';

/** What the extension host sends the panel. */
export type HostMessage =
  /** The whole picture, sent on open and after every change of the index. */
  | { type: 'update'; data: PanelData }
  /** Select and scroll to one workload, e.g. from a CodeLens. */
  | { type: 'focusWorkload'; id: string };

/** What the panel sends the extension host. */
export type PanelMessage =
  /** The page has loaded and wants the picture. */
  | { type: 'ready' }
  /** Open the file at the range in an editor. */
  | { type: 'reveal'; path: string; range: Range }
  /** Apply the recorded fix of the finding with this key. */
  | { type: 'applyFix'; key: string }
  /** Save the picture, drawn with these options, as a file. */
  | { type: 'export'; format: ExportFormat; options: ViewOptions };

export type ExportFormat = 'html' | 'svg';

/**
 * Checks a message from the webview before the host acts on it. The page runs file content
 * (escaped, but still), so the host trusts only messages of the declared shapes.
 */
export function parsePanelMessage(value: unknown): PanelMessage | undefined {
  if (!isObject(value)) return undefined;
  const message = value;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      if (typeof message.path !== 'string' || !isRange(message.range)) return undefined;
      return { type: 'reveal', path: message.path, range: message.range };
    case 'applyFix':
      return typeof message.key === 'string' ? { type: 'applyFix', key: message.key } : undefined;
    case 'export': {
      if (message.format !== 'html' && message.format !== 'svg') return undefined;
      const options = parseViewOptions(message.options);
      return options ? { type: 'export', format: message.format, options } : undefined;
    }
    default:
      return undefined;
  }
}

/** Reads view options from untrusted data (a message or restored state), or undefined. */
export function parseViewOptions(value: unknown): ViewOptions | undefined {
  if (!isObject(value)) return undefined;
  const options = value;
  const scope = options.scope;
  const groupBy = options.groupBy;
  if (scope !== 'workspace' && scope !== 'file') return undefined;
  if (groupBy !== 'pool' && groupBy !== 'namespace' && groupBy !== 'role') return undefined;
  if (typeof options.filter !== 'string') return undefined;
  return { scope, groupBy, filter: options.filter };
}
