import * as vscode from 'vscode';
import type { Finding, Range, Severity } from '../core/report/types.js';
import type { LayerwiseContext } from './layerwise-context.js';

/** The `source` of every Layerwise diagnostic, as the Problems panel shows it. */
export const DIAGNOSTIC_SOURCE = 'Layerwise';

/** Publishes the index's findings as diagnostics, for every file whose results changed. */
export function registerDiagnostics(context: LayerwiseContext): void {
  const collection = context.register(vscode.languages.createDiagnosticCollection('layerwise'));

  context.register(
    context.index.onDidChange(({ uris }) => {
      for (const uri of uris) {
        const findings = context.index.findings(uri);
        if (findings.length === 0) collection.delete(uri);
        else
          collection.set(
            uri,
            findings.map((finding) => toDiagnostic(context, finding)),
          );
      }
    }),
  );
}

/** The diagnostic of a finding: rule id as code, linked to the rule's page in the package. */
export function toDiagnostic(context: LayerwiseContext, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toRange(finding.range),
    finding.message,
    toSeverity(finding.severity),
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: context.ruleDocUri(finding.ruleId) };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(vscode.Uri.parse(related.path), toRange(related.range)),
          related.message,
        ),
    );
  }
  return diagnostic;
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(
    range.start.line,
    range.start.character,
    range.end.line,
    range.end.character,
  );
}

function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  if (severity === 'error') return vscode.DiagnosticSeverity.Error;
  if (severity === 'warning') return vscode.DiagnosticSeverity.Warning;
  return vscode.DiagnosticSeverity.Information;
}
