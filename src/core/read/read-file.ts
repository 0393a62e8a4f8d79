import type { Dockerfile } from '../model/dockerfile.js';
import { readObjects, type KubeObject } from '../model/kubernetes-object.js';
import { toWorkload, type Workload } from '../model/workload.js';
import { shiftFinding } from '../report/shift.js';
import type { RawFinding } from '../report/types.js';
import { yamlSyntax } from '../rules/general/yaml-syntax.js';
import { makeFinding, runWorkloadRules } from '../rules/run-rules.js';
import type { Rule, RuleOptions } from '../rules/rule.js';
import { readComposeFile } from './compose-file.js';
import { copyMoved } from './copy-moved.js';
import { detectFormat, type FileFormat } from './detect-format.js';
import { readDockerfile } from './dockerfile-file.js';
import {
  hasActions,
  keepLiteralFindings,
  maskTemplate,
  nameTemplatedWorkload,
  type MaskedTemplate,
} from './helm-template.js';
import { moveDocument, parseChunk, parseChunks, type ParsedDocument } from './parse-yaml.js';
import { splitDocuments } from './split-documents.js';

/** Everything one file yields before the set-wide stage. */
export interface FileModel {
  path: string;
  text: string;
  format: FileFormat;
  documents: ParsedDocument[];
  objects: KubeObject[];
  workloads: Workload[];
  /** Syntax findings and findings of per-workload checks, in file offsets. */
  findings: RawFinding[];
  /** For a Helm template: its masked text and the places the chart's values decide. */
  template?: MaskedTemplate;
  /** For a Dockerfile: its instructions and comments, for checks and ignore pragmas. */
  dockerfile?: Dockerfile;
}

/** A file's model before anything is read from it. */
export function emptyFileModel(path: string, text: string, format: FileFormat): FileModel {
  return { path, text, format, documents: [], objects: [], workloads: [], findings: [] };
}

/** A document's results kept for reuse while its text stays the same. */
export interface DocumentResult {
  parsed: ParsedDocument;
  objects: KubeObject[];
  workloads: Workload[];
  findings: RawFinding[];
}

/** Document results of one file by document text, from its previous analysis. */
export type DocumentCache = Map<string, DocumentResult[]>;

/**
 * Reads one file into objects, workloads and document-local findings. Documents whose text is
 * in `previous` reuse its parse and findings, moved to their new offset, so an edit costs one
 * document's work.
 */
export function readFile(
  path: string,
  text: string,
  rules: readonly Rule[],
  options: RuleOptions,
  previous: DocumentCache | undefined,
  next: DocumentCache,
): FileModel {
  const model = emptyFileModel(path, text, detectFormat(path, text));
  const format = model.format;
  if (format === 'compose') return readComposeFile(model, rules, options);
  if (format === 'dockerfile') return readDockerfile(model, rules, options);
  if (format !== 'kubernetes' && format !== 'helm') return model;
  const template = format === 'helm' ? maskTemplate(text) : undefined;
  model.template = template;

  const source = template?.text ?? text;
  const chunks = splitDocuments(source);
  // With nothing to reuse, one parse of the whole stream costs less than one per document.
  const streamed = previous ? undefined : parseChunks(source, chunks);
  for (const chunk of chunks) {
    // A template's documents are kept by their text as written, not as masked.
    const key = template ? text.slice(chunk.offset, chunk.offset + chunk.text.length) : chunk.text;
    const reused = previous?.get(key)?.shift();
    const result = reused
      ? moveResult(reused, chunk.offset, chunk.index, path, template)
      : undefined;
    const fresh =
      result ??
      analyseDocument(path, streamed?.[chunk.index] ?? parseChunk(chunk), rules, options, template);

    const list = next.get(key);
    if (list) list.push(fresh);
    else next.set(key, [fresh]);

    model.documents.push(fresh.parsed);
    model.objects.push(...fresh.objects);
    model.workloads.push(...fresh.workloads);
    model.findings.push(...fresh.findings);
  }
  return model;
}

function analyseDocument(
  path: string,
  parsed: ParsedDocument,
  rules: readonly Rule[],
  options: RuleOptions,
  template: MaskedTemplate | undefined,
): DocumentResult {
  // A template's syntax errors are most likely the templating's, so they are not reported.
  const span = { start: parsed.chunk.offset, end: parsed.chunk.offset + parsed.chunk.text.length };
  const problems = template && hasActions(template, span) ? [] : parsed.problems;
  const findings: RawFinding[] = problems.map((problem) =>
    makeFinding(
      yamlSyntax,
      { messageId: problem.severity, data: { message: problem.message }, span: problem.span },
      path,
      undefined,
    ),
  );
  const objects = readObjects(path, parsed);
  const workloads = readWorkloads(objects, template);
  findings.push(...runWorkloadRules(rules, workloads, options));
  const kept = template ? keepLiteralFindings(findings, template, span) : findings;
  return { parsed, objects, workloads, findings: kept };
}

function moveResult(
  result: DocumentResult,
  offset: number,
  index: number,
  path: string,
  template: MaskedTemplate | undefined,
): DocumentResult {
  const delta = offset - result.parsed.chunk.offset;
  if (delta === 0 && index === result.parsed.chunk.index) return result;
  const parsed = moveDocument(result.parsed, { text: result.parsed.chunk.text, offset, index });
  const findings = result.findings.map((finding) => shiftFinding(finding, delta));
  // Copying the model with its spans moved costs less than reading the objects again.
  const copied = index === result.parsed.chunk.index ? copyModel(result, delta) : undefined;
  if (copied) return { parsed, ...copied, findings };
  const objects = readObjects(path, parsed);
  return { parsed, objects, workloads: readWorkloads(objects, template), findings };
}

function copyModel(
  result: DocumentResult,
  delta: number,
): Pick<DocumentResult, 'objects' | 'workloads'> | undefined {
  return copyMoved({ objects: result.objects, workloads: result.workloads }, delta);
}

function readWorkloads(objects: KubeObject[], template: MaskedTemplate | undefined): Workload[] {
  const workloads = objects.map(toWorkload).filter((workload) => workload !== undefined);
  return template
    ? workloads.map((workload) => nameTemplatedWorkload(workload, template))
    : workloads;
}
