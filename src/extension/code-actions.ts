import * as vscode from 'vscode';
import { detectFormat } from '../core/read/detect-format.js';
import type { Finding } from '../core/report/types.js';
import { unusedSuppression } from '../core/rules/general/unused-suppression.js';
import { UNSUPPRESSIBLE_RULES } from '../core/suppress/unused-suppressions.js';
import { DIAGNOSTIC_SOURCE, toRange } from './diagnostics.js';
import { LANGUAGE_IDS } from './file-kinds.js';
import { FixChecker, type RangeEdit } from './fix-edits.js';
import type { LayerwiseContext } from './layerwise-context.js';
import {
  fileInsertion,
  fileSnippet,
  lineInsertion,
  nextLineSnippet,
  objectInsertion,
  type CommentInsertion,
  type CommentStyle,
} from './suppression-edits.js';

const FIX_ALL_TITLE = 'Fix all Layerwise problems';

/** A "fix all" menu entry: the text and findings its edits will be computed from. */
interface PendingFixAll {
  document: vscode.TextDocument;
  text: string;
  findings: readonly Finding[];
}

/** The kind of the "fix all" action, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('layerwise');

/**
 * Quick fixes from the findings recorded in the latest analysis; the menu never analyses
 * again. Actions are offered only while the document's text is the analysed text, so every
 * range still points where the finding was made.
 */
class LayerwiseCodeActions implements vscode.CodeActionProvider {
  private checker: { text: string; checker: FixChecker } | undefined;
  /** "Fix all" entries of the quick-fix menu, whose edits are worked out only when chosen. */
  private readonly pendingFixAll = new WeakMap<vscode.CodeAction, PendingFixAll>();

  constructor(private readonly context: LayerwiseContext) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    request: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const text = this.currentText(document, request);
    if (text === undefined) return [];
    const checker = this.checkerFor(document.uri.toString(), text);
    const findings = this.context.index.findings(document.uri);

    if (request.only && !request.only.contains(vscode.CodeActionKind.QuickFix)) {
      return request.only.contains(FIX_ALL_KIND) ? fixAllAction(document, checker, findings) : [];
    }
    const fixes: vscode.CodeAction[] = [];
    const others = new Map<string, vscode.CodeAction>();
    const lines = text.split(/\r?\n/);
    const style: CommentStyle =
      detectFormat(document.uri.toString(), text) === 'dockerfile' ? 'dockerfile' : 'yaml';
    for (const finding of findings) {
      const findingRange = toRange(finding.range);
      if (!findingRange.intersection(range)) continue;
      const diagnostic = matchingDiagnostic(request.diagnostics, finding, findingRange);
      fixes.push(...this.fixActions(document, checker, finding, diagnostic));
      // Two findings of one rule on one line would offer the same suppression twice.
      const extra = this.suppressionActions(document, lines, style, finding, diagnostic);
      for (const action of [...extra, documentationAction(finding)]) {
        if (!others.has(action.title)) others.set(action.title, action);
      }
    }
    const fixAll = request.only ? [] : this.lazyFixAll(document, text, findings);
    return [...fixes, ...others.values(), ...fixAll];
  }

  /**
   * The menu opens on every cursor move; working out "fix all" there would check every fix of
   * the file each time. The entry is offered when there is a preferred fix, and its edits are
   * computed in `resolveCodeAction`, when the user picks it.
   */
  private lazyFixAll(
    document: vscode.TextDocument,
    text: string,
    findings: readonly Finding[],
  ): vscode.CodeAction[] {
    const fixable = findings.filter((finding) => finding.fixes.some((fix) => fix.preferred));
    if (fixable.length < 2) return [];
    const action = new vscode.CodeAction(FIX_ALL_TITLE, vscode.CodeActionKind.QuickFix);
    this.pendingFixAll.set(action, { document, text, findings: fixable });
    return [action];
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    const pending = this.pendingFixAll.get(action);
    if (!pending || pending.document.getText() !== pending.text) return action;
    const checker = this.checkerFor(pending.document.uri.toString(), pending.text);
    action.edit = toWorkspaceEdit(pending.document.uri, checker.fixAllEdits(pending.findings));
    return action;
  }

  private fixActions(
    document: vscode.TextDocument,
    checker: FixChecker,
    finding: Finding,
    diagnostic: vscode.Diagnostic | undefined,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const fix of finding.fixes) {
      if (!checker.isSafe(fix)) {
        this.context.log.warn(`Fix "${fix.title}" of ${finding.ruleId} breaks the YAML; hidden`);
        continue;
      }
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document.uri, fix.edits);
      action.isPreferred = fix.preferred;
      if (diagnostic) action.diagnostics = [diagnostic];
      actions.push(action);
    }
    return actions;
  }

  private suppressionActions(
    document: vscode.TextDocument,
    lines: readonly string[],
    style: CommentStyle,
    finding: Finding,
    diagnostic: vscode.Diagnostic | undefined,
  ): vscode.CodeAction[] {
    const rule = finding.ruleId;
    if (UNSUPPRESSIBLE_RULES.has(rule)) return [];
    const line = lineInsertion(lines, finding.range.start.line);
    // A Dockerfile pragma covers the next instruction, never the pragma below it.
    const onPragma = style === 'dockerfile' && rule === unusedSuppression.meta.id;
    const actions = onPragma
      ? []
      : [
          snippetAction(
            `Disable ${rule} for this line`,
            document,
            line,
            nextLineSnippet(style, rule, line.indent),
          ),
        ];
    const workload = this.context.index
      .workloadsIn(document.uri)
      .find((summary) => summary.id === finding.workload);
    if (workload && style === 'yaml') {
      const object = objectInsertion(lines, workload.range.start.line);
      if (object.line !== line.line) {
        const snippet = nextLineSnippet(style, rule, object.indent);
        actions.push(snippetAction(`Disable ${rule} for this object`, document, object, snippet));
      }
    }
    const file = fileInsertion();
    actions.push(
      snippetAction(`Disable ${rule} for this file`, document, file, fileSnippet(style, rule)),
    );
    if (diagnostic) for (const action of actions) action.diagnostics = [diagnostic];
    return actions;
  }

  /**
   * The analysed text while it is the document's. "Fix all" on save may come before the
   * pause after the last keystroke is over; then the pending analysis runs now.
   */
  private currentText(
    document: vscode.TextDocument,
    request: vscode.CodeActionContext,
  ): string | undefined {
    const { index } = this.context;
    const text = index.currentText(document);
    if (text !== undefined || !request.only?.contains(FIX_ALL_KIND)) return text;
    if (!index.has(document.uri)) return undefined;
    index.setDocument(document);
    index.analyseNow();
    return index.currentText(document);
  }

  private checkerFor(path: string, text: string): FixChecker {
    if (this.checker?.text !== text) this.checker = { text, checker: new FixChecker(path, text) };
    return this.checker.checker;
  }
}

/** Registers the quick fixes and the "fix all" action for the languages Layerwise reads. */
export function registerCodeActions(context: LayerwiseContext): void {
  const selector = LANGUAGE_IDS.map((language) => ({ language }));
  const provider = new LayerwiseCodeActions(context);
  context.register(
    vscode.languages.registerCodeActionsProvider(selector, provider, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
    }),
  );
  context.registerCommand('layerwise.fixAll', () => fixActiveEditor(context));
}

/** "Fix all" as a command: the same edits as the code action, in the active editor. */
async function fixActiveEditor(context: LayerwiseContext): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return;
  if (context.index.currentText(document) === undefined) {
    context.index.setDocument(document);
    context.index.analyseNow();
  }
  const text = context.index.currentText(document);
  if (text === undefined) return;
  const checker = new FixChecker(document.uri.toString(), text);
  const edits = checker.fixAllEdits(context.index.findings(document.uri));
  if (edits.length === 0) return;
  await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits));
}

function fixAllAction(
  document: vscode.TextDocument,
  checker: FixChecker,
  findings: readonly Finding[],
): vscode.CodeAction[] {
  const edits = checker.fixAllEdits(findings);
  if (edits.length === 0) return [];
  const action = new vscode.CodeAction(FIX_ALL_TITLE, FIX_ALL_KIND);
  action.edit = toWorkspaceEdit(document.uri, edits);
  return [action];
}

function documentationAction(finding: Finding): vscode.CodeAction {
  const title = `Show documentation for ${finding.ruleId}`;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = {
    command: 'layerwise.showRuleDocumentation',
    title,
    arguments: [finding.ruleId],
  };
  return action;
}

function snippetAction(
  title: string,
  document: vscode.TextDocument,
  insertion: CommentInsertion,
  snippet: string,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  const edit = new vscode.WorkspaceEdit();
  const position = new vscode.Position(insertion.line, 0);
  edit.set(document.uri, [
    vscode.SnippetTextEdit.insert(position, new vscode.SnippetString(snippet)),
  ]);
  action.edit = edit;
  return action;
}

function toWorkspaceEdit(uri: vscode.Uri, edits: readonly RangeEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) edit.replace(uri, toRange(change.range), change.newText);
  return edit;
}

function matchingDiagnostic(
  diagnostics: readonly vscode.Diagnostic[],
  finding: Finding,
  range: vscode.Range,
): vscode.Diagnostic | undefined {
  return diagnostics.find((diagnostic) => {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !diagnostic.range.isEqual(range)) return false;
    const code = diagnostic.code;
    const value = typeof code === 'object' ? code.value : code;
    return value === finding.ruleId;
  });
}
