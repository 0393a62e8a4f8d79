import { readObjects, type KubeObject } from '../model/kubernetes-object.js';
import { toWorkload, type Workload } from '../model/workload.js';
import { shiftFinding } from '../report/shift.js';
import type { RawFinding } from '../report/types.js';
import { yamlSyntax } from '../rules/general/yaml-syntax.js';
import { makeFinding, runWorkloadRules } from '../rules/run-rules.js';
import type { Rule, RuleOptions } from '../rules/rule.js';
import { detectFormat, type FileFormat } from './detect-format.js';
import { moveDocument, parseChunk, type ParsedDocument } from './parse-yaml.js';
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
  const format = detectFormat(path, text);
  const model: FileModel = {
    path,
    text,
    format,
    documents: [],
    objects: [],
    workloads: [],
    findings: [],
  };
  if (format !== 'kubernetes') return model;

  for (const chunk of splitDocuments(text)) {
    const reused = previous?.get(chunk.text)?.shift();
    const result = reused ? moveResult(reused, chunk.offset, chunk.index, path) : undefined;
    const fresh = result ?? analyseDocument(path, parseChunk(chunk), rules, options);

    const list = next.get(chunk.text);
    if (list) list.push(fresh);
    else next.set(chunk.text, [fresh]);

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
): DocumentResult {
  const findings: RawFinding[] = parsed.problems.map((problem) =>
    makeFinding(
      yamlSyntax,
      { messageId: problem.severity, data: { message: problem.message }, span: problem.span },
      path,
      undefined,
    ),
  );
  const objects = readObjects(path, parsed);
  const workloads = objects.map(toWorkload).filter((workload) => workload !== undefined);
  findings.push(...runWorkloadRules(rules, workloads, options));
  return { parsed, objects, workloads, findings };
}

function moveResult(
  result: DocumentResult,
  offset: number,
  index: number,
  path: string,
): DocumentResult {
  const delta = offset - result.parsed.chunk.offset;
  if (delta === 0 && index === result.parsed.chunk.index) return result;
  const parsed = moveDocument(result.parsed, { text: result.parsed.chunk.text, offset, index });
  const objects = readObjects(path, parsed);
  return {
    parsed,
    objects,
    workloads: objects.map(toWorkload).filter((workload) => workload !== undefined),
    findings: result.findings.map((finding) => shiftFinding(finding, delta)),
  };
}
