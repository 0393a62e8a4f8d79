import * as vscode from 'vscode';
import {
  Analyzer,
  type AnalyzeOptions,
  type SourceFile,
  type WorkloadSummary,
} from '../core/analyze.js';
import { detectFormat } from '../core/read/detect-format.js';
import type { Finding } from '../core/report/types.js';
import type { FileConfig } from './config-lookup.js';
import { groupReport, sameFileResult, type FileResult } from './report-grouping.js';
import { mergeOptions } from './settings-model.js';
import type { Settings } from './settings.js';

/** What the index knows about one file it analyses. */
interface TrackedFile {
  uri: vscode.Uri;
  text: string;
  /** The document version the text is from, while the file is open in an editor. */
  version: number | undefined;
  /** Whether a workspace scan found the file, so it stays analysed after it is closed. */
  scanned: boolean;
}

/** The files whose findings or workloads changed in one analysis. */
export interface IndexChange {
  uris: vscode.Uri[];
}

/** Finds what the `.layerwise.yaml` nearest to a file says about it. */
export type ConfigLookup = (uri: vscode.Uri) => FileConfig;

const EMPTY: FileResult = { findings: [], workloads: [] };

/** The options key of a file its `.layerwise.yaml` ignores. */
const IGNORED = 'ignored';

/**
 * The latest Report per file, over open documents and scanned workspace files. Files are
 * analysed together, so findings that depend on other files (a Namespace's enforce label,
 * workloads sharing nodes) follow their changes; the core's Analyzer keeps each file's results,
 * so an analysis after an edit re-reads one document. Keys are `uri.toString()`, which is also
 * the `path` in findings and workloads.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly files = new Map<string, TrackedFile>();
  private results = new Map<string, FileResult>();
  private analysedTexts = new Map<string, { text: string; version: number | undefined }>();
  private readonly analyzers = new Map<string, Analyzer>();
  private readonly changed = new vscode.EventEmitter<IndexChange>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** While set, analyses wait for it: the `.layerwise.yaml` files are still being read. */
  private gate: Promise<void> | undefined;
  private pendingWhileGated = false;
  private failed = false;
  /** Each file's options and ignore verdict; cleared when settings or config files change. */
  private readonly optionsCache = new Map<string, { options: AnalyzeOptions; key: string }>();
  private readonly settingsListener: vscode.Disposable;
  private configLookup: ConfigLookup = () => ({ options: undefined, ignored: false });

  /** Fires after an analysis with the files whose results changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
    private readonly reportError: (message: string, error: unknown) => void,
  ) {
    this.settingsListener = settings.onDidChange(() => this.optionsChanged());
  }

  /** Settings or `.layerwise.yaml` files changed: work options out again and re-analyse. */
  optionsChanged(): void {
    this.optionsCache.clear();
    this.schedule(0);
  }

  /** Sets where `.layerwise.yaml` options come from; re-analyses at once. */
  setConfigLookup(lookup: ConfigLookup): void {
    this.configLookup = lookup;
    this.optionsChanged();
  }

  /** The findings of a file from its latest analysis. */
  findings(uri: vscode.Uri): readonly Finding[] {
    return this.results.get(uri.toString())?.findings ?? [];
  }

  /** The workloads of a file from its latest analysis. */
  workloadsIn(uri: vscode.Uri): readonly WorkloadSummary[] {
    return this.results.get(uri.toString())?.workloads ?? [];
  }

  /** Every workload of every analysed file. */
  workloads(): WorkloadSummary[] {
    return [...this.results.values()].flatMap((result) => result.workloads);
  }

  /** Every finding of every analysed file. */
  allFindings(): Finding[] {
    return [...this.results.values()].flatMap((result) => result.findings);
  }

  /** The uris of the files with results. */
  analysedUris(): vscode.Uri[] {
    return [...this.results.keys()].map((key) => vscode.Uri.parse(key));
  }

  /**
   * The text and document version the latest results of `uri` were computed from; ranges in
   * findings refer to this text. Undefined when the file has no results.
   */
  analysedText(uri: vscode.Uri): { text: string; version: number | undefined } | undefined {
    return this.analysedTexts.get(uri.toString());
  }

  /**
   * The analysed text of an open document when it is still the document's text, so findings'
   * ranges hold; undefined while an analysis of its latest edit is pending. The version is
   * compared first, the text only when it differs (a reopened file starts a new version).
   */
  currentText(document: vscode.TextDocument): string | undefined {
    const analysed = this.analysedTexts.get(document.uri.toString());
    if (!analysed) return undefined;
    if (analysed.version === document.version) return analysed.text;
    return analysed.text === document.getText() ? analysed.text : undefined;
  }

  /** Whether the file is part of the analysed set. */
  has(uri: vscode.Uri): boolean {
    return this.files.has(uri.toString());
  }

  /**
   * Takes an open document's current text. Returns whether anything changed; the caller
   * schedules the analysis (debounced while typing, at once on open and save).
   */
  setDocument(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    const known = this.files.get(key);
    if (known && known.version === document.version) return false;

    const text = document.getText();
    if (!known && detectFormat(key, text) === 'none') return false;
    this.files.set(key, {
      uri: document.uri,
      text,
      version: document.version,
      scanned: known?.scanned ?? false,
    });
    return known?.text !== text;
  }

  /** Takes a closed file's text from disk, found by a workspace scan or a file watcher. */
  setFileText(uri: vscode.Uri, text: string): boolean {
    const key = uri.toString();
    const known = this.files.get(key);
    if (known?.version !== undefined) return false;
    if (known?.text === text) return false;
    if (!known && detectFormat(key, text) === 'none') return false;
    this.files.set(key, { uri, text, version: undefined, scanned: true });
    return true;
  }

  /**
   * A document was closed: a scanned file keeps its text from disk (given by the caller), any
   * other file leaves the set.
   */
  closeDocument(uri: vscode.Uri, diskText: string | undefined): boolean {
    const key = uri.toString();
    const known = this.files.get(key);
    if (!known) return false;
    if (known.scanned && diskText !== undefined) {
      this.files.set(key, { ...known, text: diskText, version: undefined });
      return known.text !== diskText;
    }
    return this.remove(uri);
  }

  /** Removes a file, e.g. when it is deleted. */
  remove(uri: vscode.Uri): boolean {
    const key = uri.toString();
    if (!this.files.delete(key)) return false;
    this.optionsCache.delete(key);
    for (const analyzer of this.analyzers.values()) analyzer.forget(key);
    return true;
  }

  /** Whether a scanned (closed) file is in the set. */
  isScanned(uri: vscode.Uri): boolean {
    return this.files.get(uri.toString())?.scanned ?? false;
  }

  /** The uris of the files a workspace scan found, open or closed. */
  scannedUris(): vscode.Uri[] {
    return [...this.files.values()].filter((file) => file.scanned).map((file) => file.uri);
  }

  /**
   * A scan found a file that is open: it stays in the set when its editor closes. Returns
   * whether the file is tracked.
   */
  markScanned(uri: vscode.Uri): boolean {
    const known = this.files.get(uri.toString());
    if (known) known.scanned = true;
    return known !== undefined;
  }

  /**
   * The scan's filters no longer take a file: a closed one leaves the set, an open one stays
   * until its editor closes. Returns whether the analysed set changed.
   */
  leaveScan(uri: vscode.Uri): boolean {
    const known = this.files.get(uri.toString());
    if (!known?.scanned) return false;
    if (known.version !== undefined) {
      known.scanned = false;
      return false;
    }
    return this.remove(uri);
  }

  /**
   * Holds scheduled analyses until `ready` settles, then runs one if any was asked for, so the
   * first findings already follow the workspace's `.layerwise.yaml` instead of flashing the
   * defaults' findings first.
   */
  holdUntil(ready: Promise<unknown>): void {
    const gate = ready.then(
      () => undefined,
      () => undefined,
    );
    this.gate = gate;
    void gate.then(() => {
      if (this.gate !== gate) return;
      this.gate = undefined;
      if (this.pendingWhileGated) this.schedule(0);
      this.pendingWhileGated = false;
    });
  }

  /** Analyses after `delayMs`; a later call replaces an earlier pending one. */
  schedule(delayMs: number): void {
    if (this.gate) {
      this.pendingWhileGated = true;
      return;
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.analyseNow();
      } catch (error) {
        // The core turns rule crashes into findings; anything else is a bug to show once.
        if (!this.failed) this.reportError('Analysis failed', error);
        else this.log.error(`Analysis failed again: ${String(error)}`);
        this.failed = true;
      }
    }, delayMs);
  }

  /**
   * Analyses the whole set now and fires `onDidChange` for the files whose results changed.
   * Files are grouped by their options (settings and `.layerwise.yaml` may differ per folder);
   * each group is one set for cross-file checks.
   */
  analyseNow(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const started = Date.now();

    const groups = this.groupByOptions();
    const results = new Map<string, FileResult>();
    for (const [key, group] of groups) {
      const analyzer = this.analyzerFor(key);
      const report = analyzer.analyze(group.files, group.options);
      for (const [path, result] of groupReport(report)) results.set(path, result);
    }
    for (const key of this.analyzers.keys()) if (!groups.has(key)) this.analyzers.delete(key);
    for (const key of this.files.keys()) if (!results.has(key)) results.set(key, EMPTY);

    const previous = this.results;
    const previousTexts = this.analysedTexts;
    this.results = results;
    this.analysedTexts = new Map(
      [...this.files].map(([key, file]) => [key, { text: file.text, version: file.version }]),
    );
    const changed = [...new Set([...previous.keys(), ...results.keys()])].filter(
      (key) =>
        previousTexts.get(key)?.text !== this.analysedTexts.get(key)?.text ||
        !sameFileResult(previous.get(key) ?? EMPTY, results.get(key) ?? EMPTY),
    );

    this.log.debug(
      `Analysed ${this.files.size} files in ${Date.now() - started} ms; ${changed.length} changed`,
    );
    if (changed.length > 0) {
      this.changed.fire({ uris: changed.map((key) => vscode.Uri.parse(key)) });
    }
  }

  private groupByOptions(): Map<string, { options: AnalyzeOptions; files: SourceFile[] }> {
    const groups = new Map<string, { options: AnalyzeOptions; files: SourceFile[] }>();
    for (const [key, file] of this.files) {
      const resolved = this.optionsFor(key, file.uri);
      if (!resolved) continue;
      const { options, key: optionsKey } = resolved;
      const group = groups.get(optionsKey) ?? { options, files: [] };
      group.files.push({ path: key, text: file.text });
      groups.set(optionsKey, group);
    }
    return groups;
  }

  /** A file's options, or undefined when its `.layerwise.yaml` ignores it. */
  private optionsFor(
    key: string,
    uri: vscode.Uri,
  ): { options: AnalyzeOptions; key: string } | undefined {
    const cached = this.optionsCache.get(key);
    if (cached) return cached.key === IGNORED ? undefined : cached;

    const config = this.configLookup(uri);
    if (config.ignored) {
      this.optionsCache.set(key, { options: {}, key: IGNORED });
      return undefined;
    }
    const options = mergeOptions(this.settings.forResource(uri), config.options);
    const resolved = { options, key: JSON.stringify(options) };
    this.optionsCache.set(key, resolved);
    return resolved;
  }

  private analyzerFor(optionsKey: string): Analyzer {
    let analyzer = this.analyzers.get(optionsKey);
    if (!analyzer) {
      analyzer = new Analyzer();
      this.analyzers.set(optionsKey, analyzer);
    }
    return analyzer;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.settingsListener.dispose();
    this.changed.dispose();
  }
}
