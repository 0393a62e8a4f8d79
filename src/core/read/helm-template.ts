import type { Workload } from '../model/workload.js';
import type { RawFinding, Span } from '../report/types.js';
import type { FileModel } from './read-file.js';

/** A template file with its `{{ }}` actions masked, so the YAML around them can be read. */
export interface MaskedTemplate {
  /** The template as written. */
  source: string;
  /**
   * The text with every action replaced by filler of the same length, line breaks kept, so
   * offsets and positions are those of the original text.
   */
  text: string;
  /** Every action, masked. */
  actions: Span[];
  /**
   * Places whose content the chart's values decide: an action inside a line (a value, a key,
   * part of a string), and an action on a line of its own that inserts YAML (`include`,
   * `toYaml`, `template`), from the start of the key it fills to its end.
   */
  unknown: Span[];
  /**
   * Actions on lines of their own that insert YAML which may hold any setting: all but those
   * that fill a key for metadata, selectors, scheduling or plumbing (`labels:`, `env:`, ...).
   */
  openings: Span[];
}

/**
 * Keys whose inserted content holds no setting that a check looks for. Labels and annotations
 * are here although roles can be read from them: nearly every chart inserts them, and counting
 * them would leave nothing to report.
 */
const INERT_KEYS = new Set([
  'labels',
  'annotations',
  'matchLabels',
  'selector',
  'env',
  'envFrom',
  'ports',
  'args',
  'command',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'imagePullSecrets',
  'data',
  'stringData',
]);

/** Keys of entries that stand for their object as a whole. */
const OBJECT_KEYS = 'name|kind|spec|template|metadata|containers|initContainers|securityContext';

/** A finding that points at such an entry is about the object, often about what it lacks. */
const OBJECT_ENTRY = new RegExp(`^(?:-[ \\t]+)?["']?(?:${OBJECT_KEYS})["']?[ \\t]*:`);

/** The same when the finding points at the value: the text before it on its line. */
const OBJECT_VALUE = new RegExp(
  `^[ \\t]*(?:-[ \\t]+)?["']?(?:${OBJECT_KEYS})["']?[ \\t]*:[ \\t]*$`,
);

/** Keywords of actions that only steer the template and print nothing. */
const CONTROL = /^(?:if|else|end|range|with|define|block|break|continue)\b|^\/\*|^\$[\w]*\s*:?=/;

/** The character an action inside a line becomes: a plain scalar no check reads as a value. */
const FILLER = '_';

/**
 * Masks the actions of a Go template. An action on a line of its own (`{{- if }}`,
 * `{{ end }}`, `{{ include ... | nindent 8 }}`) becomes blanks, which YAML reads as an empty
 * line. An action inside a line becomes underscores, so `replicas: {{ .Values.n }}` reads as a
 * string no check mistakes for true, 0 or "host".
 */
export function maskTemplate(text: string): MaskedTemplate {
  const actions = findActions(text);
  const chars = text.split('');
  const unknown: Span[] = [];
  const openings: Span[] = [];

  for (const action of actions) {
    const ownLine = isOnOwnLine(text, action, actions);
    for (let offset = action.start; offset < action.end; offset += 1) {
      if (chars[offset] !== '\n' && chars[offset] !== '\r') chars[offset] = ownLine ? ' ' : FILLER;
    }
    if (!ownLine) {
      unknown.push(action);
      continue;
    }
    if (CONTROL.test(actionBody(text, action))) continue;
    const insertion = insertionSpan(text, action);
    unknown.push(insertion.span);
    if (insertion.key === undefined || !INERT_KEYS.has(insertion.key)) openings.push(action);
  }
  return { source: text, text: chars.join(''), actions, unknown, openings };
}

/**
 * Names workloads whose name or namespace the chart's values decide by the template text, e.g.
 * `Deployment/default/{{ include "web.fullname" . }}`, rather than by its masked filler.
 */
export function nameTemplatedWorkload(workload: Workload, template: MaskedTemplate): Workload {
  const metadata = workload.object.metadata;
  const name = templatedText(metadata?.get('name')?.span, template) ?? workload.name;
  const namespace = templatedText(metadata?.get('namespace')?.span, template) ?? workload.namespace;
  if (name === workload.name && namespace === workload.namespace) return workload;
  return { ...workload, name, namespace, id: `${workload.kind}/${namespace}/${name}` };
}

function templatedText(span: Span | undefined, template: MaskedTemplate): string | undefined {
  if (span === undefined || !hasActions(template, span)) return undefined;
  return template.source.slice(span.start, span.end);
}

/** Whether the text of a document of the masked file held a template action. */
export function hasActions(template: MaskedTemplate, span: Span): boolean {
  return template.actions.some((action) => overlaps(action, span));
}

/**
 * Keeps the findings that the literal text of a template decides. Left out are findings that
 * touch a place the chart's values fill, and findings about an object as a whole (pointing at
 * its `name`, `kind`, `securityContext` key...) in a document where values insert YAML that may
 * hold any setting, since what the object seems to lack may come from there. Fixes that would
 * edit a place values fill are dropped from what remains.
 */
export function keepLiteralFindings(
  findings: readonly RawFinding[],
  template: MaskedTemplate,
  document: Span,
): RawFinding[] {
  const isUnknown = (span: Span) => template.unknown.some((region) => overlaps(region, span));
  const isOpen = template.openings.some((opening) => overlaps(document, opening));
  const isAboutObject = (span: Span) => {
    const source = template.source;
    const lineStart = source.lastIndexOf('\n', span.start - 1) + 1;
    return (
      OBJECT_ENTRY.test(source.slice(span.start, span.start + 40)) ||
      OBJECT_VALUE.test(source.slice(lineStart, span.start))
    );
  };
  return findings
    .filter((finding) => !isUnknown(finding.span))
    .filter((finding) => !(isOpen && isAboutObject(finding.span)))
    .map((finding) => ({
      ...finding,
      fixes: finding.fixes.filter((fix) => !fix.edits.some((edit) => isUnknown(edit.span))),
    }));
}

/**
 * `keepLiteralFindings` for the findings of checks over the whole analysed set, each judged by
 * the template document it points into.
 */
export function keepLiteralSetFindings(
  findings: readonly RawFinding[],
  models: readonly FileModel[],
): RawFinding[] {
  const templates = new Map(models.filter((model) => model.template).map((m) => [m.path, m]));
  if (templates.size === 0) return [...findings];
  return findings.flatMap((finding) => {
    const model = templates.get(finding.path);
    if (!model?.template) return [finding];
    const chunk = model.documents.find(
      (document) =>
        document.chunk.offset <= finding.span.start &&
        finding.span.start < document.chunk.offset + document.chunk.text.length,
    )?.chunk;
    const document = chunk
      ? { start: chunk.offset, end: chunk.offset + chunk.text.length }
      : { start: 0, end: model.text.length };
    return keepLiteralFindings([finding], model.template, document);
  });
}

function overlaps(a: Span, b: Span): boolean {
  if (b.start === b.end) return a.start <= b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** The `{{ ... }}` spans of a text; strings and comments inside an action may hold `}}`. */
function findActions(text: string): Span[] {
  const spans: Span[] = [];
  let start = text.indexOf('{{');
  while (start !== -1) {
    const end = actionEnd(text, start + 2);
    spans.push({ start, end });
    start = text.indexOf('{{', end);
  }
  return spans;
}

function actionEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const char = text[index];
    if (text.startsWith('}}', index)) return index + 2;
    if (text.startsWith('/*', index)) {
      const close = text.indexOf('*/', index + 2);
      index = close === -1 ? text.length : close + 2;
      continue;
    }
    if (char === '"' || char === '`' || char === "'") {
      index = stringEnd(text, index, char);
      continue;
    }
    index += 1;
  }
  return text.length;
}

function stringEnd(text: string, open: number, quote: string): number {
  let index = open + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === quote) return index + 1;
    if (char === '\n' && quote !== '`') return index;
    index += char === '\\' && quote !== '`' ? 2 : 1;
  }
  return text.length;
}

/** The action's words, without the braces and the trim markers. */
function actionBody(text: string, action: Span): string {
  return text
    .slice(action.start + 2, action.end - 2)
    .replace(/^-\s*/, '')
    .replace(/\s*-$/, '')
    .trim();
}

/** Whether the action shares its lines only with blanks and other actions. */
function isOnOwnLine(text: string, action: Span, actions: readonly Span[]): boolean {
  const lineStart = text.lastIndexOf('\n', action.start - 1) + 1;
  const newline = text.indexOf('\n', action.end);
  const lineEnd = newline === -1 ? text.length : newline;
  for (let offset = lineStart; offset < lineEnd; offset += 1) {
    const inAction = actions.some((other) => other.start <= offset && offset < other.end);
    if (inAction) continue;
    if (!/\s/.test(text[offset] ?? '')) return false;
  }
  return true;
}

/**
 * What an inserting action fills: when the line above is a key with nothing after its colon
 * and less indentation, the action is that key's value, so the key counts too.
 */
function insertionSpan(text: string, action: Span): { span: Span; key: string | undefined } {
  const lineStart = text.lastIndexOf('\n', action.start - 1) + 1;
  const indent = action.start - lineStart;
  let previousEnd = lineStart - 1;
  while (previousEnd > 0) {
    const previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
    const line = text.slice(previousStart, previousEnd).replace(/\r$/, '');
    if (line.trim() === '' || line.includes('{{')) {
      previousEnd = previousStart - 1;
      continue;
    }
    const content = line.length - line.trimStart().length;
    const key = /^(?:-[ \t]+)?["']?([\w.-]+)["']?[ \t]*:\s*$/.exec(line.trimStart());
    if (content < indent && key) {
      return { span: { start: previousStart + content, end: action.end }, key: key[1] };
    }
    break;
  }
  return { span: action, key: undefined };
}
