import * as vscode from 'vscode';
import {
  readResourceSettings,
  readWindowSettings,
  type ResourceSettings,
  type WindowSettings,
} from './settings-model.js';

const SECTION = 'layerwise';

/**
 * The one typed view of the `layerwise.*` settings. Values are read through
 * `settings-model.ts`, which checks their types; `onDidChange` fires on any change.
 */
export class Settings implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly listener: vscode.Disposable;

  /** Fires when any `layerwise.*` setting changes, in any scope. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) this.changed.fire();
    });
  }

  /** The settings that apply to `uri` (its folder's settings, then the workspace's and user's). */
  forResource(uri: vscode.Uri | undefined): ResourceSettings {
    const configuration = vscode.workspace.getConfiguration(SECTION, uri);
    return readResourceSettings((key) => configuration.get(key));
  }

  get window(): WindowSettings {
    const configuration = vscode.workspace.getConfiguration(SECTION);
    return readWindowSettings((key) => configuration.get(key));
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
